package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.cli.BackgridCliTest.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code run} ends, through the command line (in this JVM, on the shared session): the exit
 * code and the lines when configurations FAILED, and a failure that is not bad input.
 */
class RunOutcomeTest {
  static final Path DATA = Path.of("../datasets/demo").toAbsolutePath().normalize();
  static final String QUERY =
      "\"SELECT config_id, error FROM portfolio_metrics WHERE status = 'FAILED'\"";
  @TempDir Path dir;

  @BeforeAll
  static void spark() {
    SharedSpark.get(); // run's session lease then borrows it (and leaves it running)
  }

  Path study(String name, String output, String grid) throws Exception {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(
        file,
        String.join(
            "\n",
            "study {",
            "  name = " + name,
            "  data = \"" + DATA + "\"",
            "  output = \"" + output + "\"",
            "  period { start = 2019-01-02, end = 2019-12-31 }",
            "  sleeves = [",
            "    { id = core, strategy = buy-and-hold, universe = [BD01, BD02], params { weights ="
                + " [0.6, 0.4] } }",
            "    { id = odd, strategy = "
                + FailingStrategy.class.getName()
                + ", universe = [MKT], params { fail = true } }",
            "  ]",
            "  allocation { algorithm = fixed, weights = [0.5, 0.5] }",
            "  grid { " + grid + " }",
            "}"));
    return file;
  }

  @Test
  void aStudyWhoseEveryConfigurationFailedExitsWithThreeAndSaysSo() throws Exception {
    Path out = dir.resolve("out");
    Output o =
        BackgridCliTest.cli(
            "run",
            study("all-fail", out.toString(), "\"rebalance.frequency\" = [monthly, quarterly]")
                .toString());
    assertThat(o.exit()).as(o.err()).isEqualTo(BackgridCli.EXIT_NOTHING_OK);
    assertThat(o.out()).contains("2 configurations (0 OK, 2 FAILED)");
    assertThat(o.err())
        .contains(
            "[backgrid] no configuration is OK: all 2 FAILED; their errors: submit-scripts/query.sh"
                + " "
                + out.resolve("all-fail")
                + " "
                + QUERY);
  }

  @Test
  void aStudyWithSomeFailedConfigurationsExitsWithZeroAndAWarning() throws Exception {
    Path out = dir.resolve("out");
    Output o =
        BackgridCliTest.cli(
            "run",
            study("some-fail", out.toString(), "\"sleeves.odd.params.fail\" = [true, false]")
                .toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).contains("2 configurations (1 OK, 1 FAILED)");
    assertThat(o.err())
        .contains(
            "[backgrid] warning: 1 of 2 configurations FAILED; their errors:"
                + " submit-scripts/query.sh "
                + out.resolve("some-fail")
                + " "
                + QUERY);
  }

  @Test
  void aFailureThatIsNotBadInputIsOneLineAndTheDetailGoesToTheLogFile() throws Exception {
    Path notADirectory =
        Files.writeString(dir.resolve("taken"), "a file where the output root should be");
    Output o =
        BackgridCliTest.cli(
            "run", study("blocked", notADirectory.resolve("out").toString(), "").toString());
    assertThat(o.exit()).isEqualTo(1);
    assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(o.err().lines().count()).as(o.err()).isLessThanOrEqualTo(3);
    assertThat(o.err()).contains(notADirectory.toString());
    assertThat(Files.readString(notADirectory)).isEqualTo("a file where the output root should be");
  }
}
