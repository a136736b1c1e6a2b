package io.backgrid.datasets.cli;

import static io.backgrid.datasets.testing.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.datasets.testing.Files2;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return DataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void generateThenDescribePrintsOneLinePerSymbol() {
    Path table = dir.resolve("market");
    assertThat(
            run(
                "generate",
                "--seed",
                "9",
                "--equities",
                "2",
                "--bonds",
                "1",
                "--commodities",
                "1",
                "--start",
                "2020-01-01",
                "--days",
                "30",
                "--late-fraction",
                "0",
                "--missing-rate",
                "0",
                "--out",
                table.toString()))
        .isZero();
    assertThat(out.toString()).startsWith("Wrote 150 rows (5 symbols × 30 days) to " + table);

    assertThat(run("describe", table.toString())).isZero();
    String text = out.toString();
    assertThat(text).contains(table + ": 150 rows, 5 symbols");
    // 2020-01-01 is a holiday: the first trading day is Thu 2020-01-02
    assertThat(text).containsPattern("EQ01 +2020-01-02 2020-02-12 +30 +0 ");
    assertThat(text).contains("MKT ");
  }

  @Test
  void ingestWritesATableAndReportsIt() {
    Path csv = write(dir, "p.csv", "symbol,date,close", "AAA,2024-01-02,1", "AAA,2024-01-03,2");
    Path table = dir.resolve("prices");
    assertThat(run("ingest", csv.toString(), "--out", table.toString())).isZero();
    assertThat(out.toString()).isEqualTo("Wrote 2 rows of 1 symbols to " + table + "\n");
    assertThat(Files2.list(table)).containsExactly("part-00000.parquet");
  }

  @Test
  void badDataExitsWithOneAndTheMessageAndWritesNothing() {
    Path csv = write(dir, "p.csv", "symbol,date,close", "AAA,2024-01-02,-1");
    assertThat(run("ingest", csv.toString(), "--out", dir.resolve("prices").toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("Invalid price in p.csv line 2: AAA 2024-01-02 close=-1.0 (must be > 0)\n");
    assertThat(Files2.list(dir)).containsExactly("p.csv");
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhatIsWrong() {
    assertThat(run("ingest", "x.csv", "--out", "o", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Unknown CSV format 'xml'; known: long, wide, yahoo, auto");
  }

  @Test
  void demoRefusesModelOptions() {
    assertThat(run("generate", "--demo", "--seed", "3", "--out", dir.resolve("d").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Cannot combine --demo with --seed: the demo spec is fixed");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: datasets generate").contains("--equities");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing command: ingest, generate or describe");
  }
}
