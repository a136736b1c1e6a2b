package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.cli.BackgridCliTest.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 through the study job and the command line: a {@code target-weights} sleeve reading a
 * CSV of monthly thirds equals, to the cent on every day, the built-in configuration that holds the
 * three symbols equally in one sleeve and rebalances monthly ({@code buy-and-hold} with {@code
 * rebalance = monthly}; fractional shares, no costs), and three single-symbol sleeves re-weighted
 * monthly by the allocator to the rounding of three ledgers (see the engine's
 * TargetWeightsEquivalenceTest for why those differ by cents); a bad file is one line naming the
 * file, the line and the value, exit code 1 (bad input), no stack trace.
 */
class TargetWeightsStudyTest {
  static final Path DATA = Path.of("../datasets/demo").toAbsolutePath().normalize();
  static final List<String> SYMBOLS = List.of("EQ01", "EQ02", "EQ03");
  static final LocalDate START = LocalDate.of(2019, 1, 2);
  static final LocalDate END = LocalDate.of(2019, 12, 31);
  @TempDir Path dir;

  @BeforeAll
  static void spark() {
    SharedSpark.get();
  }

  /** The first trading day of each month of the period, as the demo data have them. */
  static List<LocalDate> monthStarts() {
    List<LocalDate> dates =
        PanelLoader.load(DATA.toUri(), new PanelRequest(SYMBOLS, START, END, Set.of())).dates();
    List<LocalDate> starts = new ArrayList<>();
    for (int t = 0; t < dates.size(); t++) {
      if (t == 0 || dates.get(t).getMonthValue() != dates.get(t - 1).getMonthValue()) {
        starts.add(dates.get(t));
      }
    }
    return starts;
  }

  Path thirds(String name, String extraLine) throws Exception {
    StringBuilder csv = new StringBuilder("date,symbol,weight\n");
    for (LocalDate d : monthStarts()) {
      for (String s : SYMBOLS) {
        csv.append(d).append(',').append(s).append(',').append(1.0 / 3).append('\n');
      }
    }
    csv.append(extraLine);
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  Path study(String name, String sleeves, String weights, String frequency) throws Exception {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(
        file,
        String.join(
            "\n",
            "study {",
            "  name = " + name,
            "  data = \"" + DATA + "\"",
            "  output = \"" + dir.resolve("out") + "\"",
            "  period { start = " + START + ", end = " + END + " }",
            "  execution { fill = close, fractional-shares = true }",
            "  costs { commission-per-share = 0, commission-minimum = 0, commission-bps = 0,"
                + " slippage-bps = 0 }",
            "  sleeves = [",
            sleeves,
            "  ]",
            "  allocation { algorithm = fixed, weights = " + weights + " }",
            "  rebalance { frequency = " + frequency + " }",
            "  equity { top = 1 }",
            "}"));
    return file;
  }

  Path fileStudy(String name, Path weights) throws Exception {
    return study(
        name,
        "    { id = file, strategy = target-weights, universe = [EQ01, EQ02, EQ03], params { path"
            + " = \""
            + weights
            + "\" } }",
        "[1.0]",
        "never");
  }

  Map<LocalDate, Double> nav(String study) {
    Map<LocalDate, Double> nav = new TreeMap<>();
    for (Row r :
        SharedSpark.get()
            .read()
            .parquet(dir.resolve("out").resolve(study).resolve("equity").toString())
            .select("date", "nav")
            .collectAsList()) {
      nav.put(r.getDate(0).toLocalDate(), r.getDouble(1));
    }
    return nav;
  }

  @Test
  void monthlyThirdsFromACsvMatchTheBuiltInMonthlyEqualWeightToTheCent() throws Exception {
    Output fromFile =
        BackgridCliTest.cli("run", fileStudy("from-file", thirds("w.csv", "")).toString());
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    String third = String.valueOf(1.0 / 3);
    Output builtIn =
        BackgridCliTest.cli(
            "run",
            study(
                    "built-in",
                    "    { id = a, strategy = buy-and-hold, universe = [EQ01] }\n"
                        + "    { id = b, strategy = buy-and-hold, universe = [EQ02] }\n"
                        + "    { id = c, strategy = buy-and-hold, universe = [EQ03] }",
                    "[" + third + ", " + third + ", " + third + "]",
                    "monthly")
                .toString());
    assertThat(builtIn.exit()).as(builtIn.err()).isZero();

    Map<LocalDate, Double> file = nav("from-file");
    Map<LocalDate, Double> constantMix = nav("built-in");
    assertThat(file.keySet()).hasSizeGreaterThan(200).isEqualTo(constantMix.keySet());
    double largest = 0;
    for (LocalDate d : file.keySet()) {
      largest = Math.max(largest, Math.abs(file.get(d) - constantMix.get(d)));
    }
    // The engine's bound (TargetWeightsEquivalenceTest): at most 10 cents apart on $1M, from the
    // rounding of fills and marks to whole cents.
    assertThat(largest).as("largest NAV difference, currency").isLessThanOrEqualTo(0.10);
    assertThat(((TreeMap<LocalDate, Double>) file).lastEntry().getValue())
        .as("the weights moved the NAV")
        .isNotEqualTo(1_000_000.0);

    Output oneSleeve =
        BackgridCliTest.cli(
            "run",
            study(
                    "one-sleeve",
                    "    { id = equal, strategy = buy-and-hold, universe = [EQ01, EQ02, EQ03],"
                        + " params { rebalance = monthly } }",
                    "[1.0]",
                    "never")
                .toString());
    assertThat(oneSleeve.exit()).as(oneSleeve.err()).isZero();
    // the same ledger sized by the same thirds at the same bars: the same NAV in cents every day
    assertThat(file).isEqualTo(nav("one-sleeve"));
  }

  @Test
  void aBadWeightsFileIsOneLineNamingTheFileLineAndValue() throws Exception {
    Path bad = thirds("bad.csv", "2019-03-01,EQ01,NaN\n");
    Output o = BackgridCliTest.cli("run", fileStudy("bad", bad).toString());
    assertThat(o.exit()).as(o.out()).isEqualTo(BackgridCli.EXIT_BAD_INPUT);
    assertThat(o.err())
        .isEqualTo(
            "Invalid weight in bad.csv line 38: EQ01 2019-03-01 weight=NaN (must be finite)\n");
  }

  @Test
  void aChangedWeightsFileIsNoticedOnRerun() throws Exception {
    Path weights = thirds("rerun.csv", "");
    Path study = fileStudy("rerun", weights);
    assertThat(BackgridCliTest.cli("run", study.toString()).exit()).isZero();
    Output same = BackgridCliTest.cli("run", study.toString());
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).contains("0 computed now, 1 from earlier runs");

    Files.writeString(weights, Files.readString(weights).replace(String.valueOf(1.0 / 3), "0.3"));
    Output changed = BackgridCliTest.cli("run", study.toString());
    assertThat(changed.exit()).isEqualTo(BackgridCli.EXIT_BAD_INPUT);
    assertThat(changed.err())
        .startsWith(
            "Cannot resume study 'rerun': the data it reads changed since the published results"
                + " (data fingerprint ")
        .contains("; rerun with --fresh to recompute everything");
  }
}
