package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without Spark: validate, bad studies, usage errors. */
class BackgridCliTest {
  @TempDir Path dir;

  record Output(int exit, String out, String err) {}

  static Output cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = BackgridCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Output(exit, out.toString(), err.toString());
  }

  @Test
  void validatePrintsTheGridSizeWithoutRunning() {
    Output o = cli("validate", "../conf/studies/demo.conf", "--first", "3");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).contains("demo").contains("40");
  }

  @Test
  void aBadStudyListsEveryProblemWithItsLineAndExitsWithOne() throws Exception {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "study {",
            "  name = bad",
            "  data = datasets/demo",
            "  sleeves = [ { id = a, strategy = buy-and-hold, universe = [EQ01] } ]",
            "  allocation { algorithm = kely, lookback = 0 }",
            "  colour = blue",
            "}"));
    Output o = cli("run", bad.toString());
    assertThat(o.exit()).isEqualTo(1);
    assertThat(o.err())
        .startsWith("Invalid study (3 problems):")
        .contains("Unknown allocation algorithm 'kely'")
        .contains("Invalid study.allocation.lookback: 0 (must be >= 1) (bad.conf line 5)")
        .contains("Unknown key study.colour (bad.conf line 6)");
  }

  @Test
  void validateRefusesAnUnknownSymbolWithTheSameMessageRunGivesBeforeStartingSpark()
      throws Exception {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "study {",
            "  name = bad",
            "  data = ../datasets/demo",
            "  sleeves = [ { id = a, strategy = buy-and-hold, universe = [EQ01, XYZ], params {"
                + " weights = [0.5, 0.5] } } ]",
            "}"));
    Output validate = cli("validate", bad.toString());
    Output run = cli("run", bad.toString(), "--output", dir.resolve("out").toString());

    assertThat(validate.exit()).as(validate.out()).isEqualTo(1);
    assertThat(validate.err())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "Invalid study (1 problem):",
                "  Unknown symbol 'XYZ' in study.sleeves[0].universe (sleeve a, bad.conf line 4);"
                    + " the data (../datasets/demo) has 31 symbols: BD01, BD02, BD03, BD04, BD05,"
                    + " BD06, CM01, CM02, CM03, CM04, EQ01, EQ02, EQ03, EQ04, EQ05, EQ06, EQ07,"
                    + " EQ08, EQ09, EQ10, EQ11, EQ12, EQ13, EQ14, EQ15, EQ16, EQ17, EQ18, EQ19,"
                    + " EQ20, MKT",
                ""));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(validate.err());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingCommandIsAUsageError() {
    Output o = cli();
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("Missing command: run, validate or query");
  }

  @Test
  void queryOnADirectoryWithoutTablesSaysSo() {
    Output o = cli("query", dir.toString(), "SELECT 1");
    assertThat(o.exit()).isEqualTo(1);
    assertThat(o.err()).contains("Invalid study directory " + dir + ": no tables in it");
  }
}
