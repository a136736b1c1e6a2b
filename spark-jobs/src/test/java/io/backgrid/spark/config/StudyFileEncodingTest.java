package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study file is UTF-8; other bytes are refused with the line, never read as U+FFFD. */
class StudyFileEncodingTest {
  @TempDir Path dir;

  @Test
  void aStudyFileThatIsNotUtf8NamesTheFileAndLine() throws Exception {
    Path file = dir.resolve("latin1.conf");
    // a Latin-1 é in a symbol: the parser alone would read 'CAF\uFFFD' and run on, or fail later
    Files.write(
        file,
        StudyLoaderTest.FULL.replace("EQ03", "CAF\u00c9").getBytes(StandardCharsets.ISO_8859_1));
    long line = StudyLoaderTest.FULL.lines().takeWhile(l -> !l.contains("EQ03")).count() + 1;
    assertThatThrownBy(() -> StudyLoader.load(file))
        .isInstanceOf(StudyConfigException.class)
        .hasMessage(
            "Invalid study latin1.conf: Invalid encoding in latin1.conf line "
                + line
                + ": not UTF-8 at byte 0xC9 (save the file as UTF-8)");
  }

  @Test
  void aUtf8StudyFileWithAccentsLoads() throws Exception {
    Path file = dir.resolve("utf8.conf");
    Files.writeString(
        file, "# caf\u00e9, na\u00efve\n" + StudyLoaderTest.FULL, StandardCharsets.UTF_8);
    assertThat(StudyLoader.load(file).name()).isEqualTo("full-study");
  }
}
