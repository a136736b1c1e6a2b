package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run removes or replaces only directories with its study's _BACKGRID mark; anything else is
 * refused untouched.
 */
class OwnershipTest {
  @TempDir Path output;

  private static String refusal(String study, Path dir) {
    return "Cannot write study '"
        + study
        + "' to "
        + dir
        + ": it exists and was not written by backgrid for this study (no _BACKGRID"
        + " file naming study '"
        + study
        + "'); move it away or choose another output (to let backgrid replace results of an"
        + " earlier version, write study="
        + study
        + " into "
        + dir.resolve("_BACKGRID")
        + ")";
  }

  @Test
  void aDirectoryWhereTheStudyGoesThatBackgridDidNotWriteIsRefusedAndKeptEvenWithFresh()
      throws Exception {
    Path precious = Files.createDirectories(output.resolve("precious"));
    Files.writeString(precious.resolve("important.txt"), "keep me");

    for (StudyRun run :
        List.of(new StudyRun("precious", output), new StudyRun("precious", output).fresh())) {
      assertThatThrownBy(run::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(refusal("precious", precious));
    }
    assertThat(StudyRun.files(precious)).containsExactly("important.txt");
    assertThat(Files.readString(precious.resolve("important.txt"))).isEqualTo("keep me");
    assertThat(StudyRun.files(output))
        .as("nothing written beside it either")
        .containsExactly("precious/important.txt");
  }

  @Test
  void anOutputOfDotDotFromADirectoryNamedLikeTheStudyLeavesThatDirectoryAlone() throws Exception {
    // `output = ".."` run from <root>/wd-study: the study directory <root>/wd-study is the working
    // directory.
    Path cwd = Files.createDirectories(output.resolve("wd-study"));
    Files.writeString(cwd.resolve("study.conf"), "study { name = wd-study }");

    assertThatThrownBy(() -> new StudyRun("wd-study", cwd.resolve("..").toString()).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(refusal("wd-study", cwd));
    assertThat(StudyRun.files(cwd)).containsExactly("study.conf");
  }

  @Test
  void aWorkAreaBackgridDidNotWriteIsRefusedAndKept() throws Exception {
    Path work = Files.createDirectories(output.resolve(".unmarked.work"));
    Files.writeString(work.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> new StudyRun("unmarked", output).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(refusal("unmarked", work));
    assertThat(StudyRun.files(work)).containsExactly("notes.txt");
  }

  @Test
  void theMarkOfAnotherStudyIsNotThisStudys() throws Exception {
    Path other = Files.createDirectories(output.resolve("b"));
    Files.writeString(other.resolve("_BACKGRID"), "study=a\n");
    assertThatThrownBy(() -> new StudyRun("b", output).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(refusal("b", other));
    assertThat(StudyRun.files(other)).containsExactly("_BACKGRID");
  }

  @Test
  void theStudysOwnDirectoriesCarryTheMarkAndAMarkedDirectoryIsReplaced() throws Exception {
    Path adopted = Files.createDirectories(output.resolve("adopted"));
    Files.writeString(adopted.resolve("_BACKGRID"), "study=adopted\n");
    Files.writeString(adopted.resolve("old-results.txt"), "from an earlier version");
    List<String> workMarks = new java.util.ArrayList<>();
    new StudyRun("adopted", output)
        .afterBatch(
            n ->
                workMarks.add(
                    Files.exists(output.resolve(".adopted.work/_BACKGRID")) ? "_BACKGRID" : "none"))
        .run();

    assertThat(workMarks)
        .as("the work area's mark, seen after each batch")
        .containsOnly("_BACKGRID")
        .hasSize(4);
    assertThat(Files.readString(adopted.resolve("_BACKGRID"))).isEqualTo("study=adopted\n");
    assertThat(adopted.resolve("old-results.txt"))
        .as("the adopted directory was replaced")
        .doesNotExist();
    assertThat(adopted.resolve(Tables.PORTFOLIO_METRICS).resolve("_SUCCESS")).exists();
  }
}
