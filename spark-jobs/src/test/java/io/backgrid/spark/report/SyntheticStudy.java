package io.backgrid.spark.report;

import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.GridPlan;
import io.backgrid.spark.job.ConfigsTable;
import io.backgrid.spark.job.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A study's published tables at any size without simulating it, for the report's scale measurement
 * (BENCHMARKS.md, "Report") and its three-sleeve ternary view in the browser test.
 *
 * <p>The configurations are real: a three-sleeve study whose grid is a weight lattice ({@code
 * simplex-step}) × 4 rebalance frequencies × 3 slippages × as many risk-free rates as it takes,
 * sampled to exactly the size asked by {@code grid-sample}; its {@code configs} table is the job's
 * own ({@link ConfigsTable}, canonical JSON and all). The results are made up, seeded: a Sharpe
 * ratio that is a smooth function of the weights (highest at (0.5, 0.3, 0.2)) minus costs, plus
 * noise, and every other numeric column of {@code portfolio_metrics} and {@code sleeve_metrics}
 * (three rows per configuration) drawn at random; the {@code top} best by Sharpe get 5,040 days of
 * {@code equity} (random walks, per-sleeve NAVs), monthly {@code rebalances} and their {@code
 * sleeve_correlations}, as {@code equity { top = N }} selects them in a run.
 *
 * <p>Not a test: {@code main} writes a study for a measurement, e.g. {@code java -cp
 * spark-jobs/target/test-classes:spark-jobs/target/classes:...
 * io.backgrid.spark.report.SyntheticStudy /tmp/s100k 100000 0.05}.
 */
final class SyntheticStudy {
  static final List<String> SLEEVES = List.of("momentum", "trend", "core");
  static final int DAYS = 5040;

  private SyntheticStudy() {}

  /** Writes {@code <root>/synthetic/...}: args root, configurations, simplex step. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    Path study = write(Path.of(args[0]), Integer.parseInt(args[1]), args[2], 5, 7);
    System.out.printf(
        "synthetic study of %s configurations written to %s in %.1f s%n",
        args[1], study, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Writes the tables of a synthetic study of exactly {@code configurations} (at most the grid's
   * size) under {@code root/synthetic}.
   *
   * @param step the lattice step, e.g. "0.05" (231 vectors) or "0.25" (15)
   * @param top how many of the best get equity paths
   * @return the study directory
   */
  static Path write(Path root, int configurations, String step, int top, long seed) {
    Study study = StudyLoader.load(studyText(root, configurations, step), "synthetic.conf");
    GridPlan plan = GridExpander.plan(study);
    ConfigsTable configs = ConfigsTable.of(plan);
    Path dir = root.resolve("synthetic");
    HandMadeStudy.table(dir, "configs", configs.schema(), list(configs.rows(plan)));

    SplittableRandom random = new SplittableRandom(seed);
    int n = plan.size();
    String[] ids = new String[n];
    double[] sharpe = new double[n];
    List<Object[]> metrics = new ArrayList<>(n);
    List<Object[]> sleeveMetrics = new ArrayList<>(3 * n);
    StructType pm = Tables.PORTFOLIO_METRICS_SCHEMA;
    for (int i = 0; i < n; i++) {
      ids[i] = plan.id(i);
      Map<String, Object> axes = plan.axisValues(i);
      double[] w = weights(axes.get("allocation.weights"));
      double slippage = ((Number) axes.get("costs.slippage-bps")).doubleValue();
      double d0 = w[0] - 0.5;
      double d1 = w[1] - 0.3;
      double d2 = w[2] - 0.2;
      sharpe[i] =
          0.9 - 2.0 * (d0 * d0 + d1 * d1 + d2 * d2) - 0.03 * slippage + 0.05 * gaussian(random);
      Object[] m = filled(pm, random, Map.of("config_id", ids[i], "status", "OK"));
      m[pm.fieldIndex("sharpe")] = sharpe[i];
      m[pm.fieldIndex("cagr")] = 0.02 + 0.08 * sharpe[i];
      metrics.add(m);
      for (String s : SLEEVES) {
        sleeveMetrics.add(
            filled(
                Tables.SLEEVE_METRICS_SCHEMA,
                random,
                Map.of("config_id", ids[i], "sleeve_id", s, "state", "ACTIVE")));
      }
    }
    HandMadeStudy.table(dir, "portfolio_metrics", pm, metrics);
    HandMadeStudy.table(dir, "sleeve_metrics", Tables.SLEEVE_METRICS_SCHEMA, sleeveMetrics);

    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(sharpe[b], sharpe[a]));
    List<Object[]> equity = new ArrayList<>();
    List<Object[]> rebalances = new ArrayList<>();
    List<Object[]> correlations = new ArrayList<>();
    for (int k = 0; k < Math.min(top, n); k++) {
      String id = ids[order[k]];
      paths(id, random, equity, rebalances);
      for (int a = 0; a < 3; a++) {
        for (int b = a + 1; b < 3; b++) {
          correlations.add(
              new Object[] {id, SLEEVES.get(a), SLEEVES.get(b), random.nextDouble(-0.5, 0.9)});
        }
      }
    }
    HandMadeStudy.table(dir, "equity", Tables.EQUITY_SCHEMA, equity);
    HandMadeStudy.table(dir, "rebalances", Tables.REBALANCES_SCHEMA, rebalances);
    HandMadeStudy.table(
        dir, "sleeve_correlations", Tables.SLEEVE_CORRELATIONS_SCHEMA, correlations);
    return dir;
  }

  private static String studyText(Path root, int configurations, String step) {
    // 4 frequencies × 3 slippages × the lattice × r risk-free rates >= configurations
    int lattice = latticeSize(Double.parseDouble(step));
    int rates = (configurations + 12 * lattice - 1) / (12 * lattice);
    StringBuilder rf = new StringBuilder();
    for (int r = 0; r < rates; r++) {
      rf.append(r == 0 ? "" : ", ").append(r / 10000.0);
    }
    return """
    study {
      name = synthetic
      data = datasets/w1
      output = "%s"
      sleeves = [
        { id = momentum, strategy = momentum, universe = [EQ01, EQ02, EQ03, EQ04, EQ05, EQ06, EQ07, EQ08, EQ09, EQ10], params { lookback = 60, top = 5 } }
        { id = trend, strategy = trend-following, universe = [EQ31, EQ32, EQ33, EQ34, EQ35], params { fast = 50, slow = 200 } }
        { id = core, strategy = buy-and-hold, universe = [BD01, BD02, BD03, MKT] }
      ]
      allocation { algorithm = fixed }
      grid {
        "allocation.weights" = { simplex-step = %s }
        "rebalance.frequency" = [weekly, monthly, quarterly, yearly]
        "costs.slippage-bps" = [0, 2, 5]
        "risk-free" = [%s]
      }
      grid-sample { size = %d, seed = 1 }
      equity { top = 5 }
    }
    """
        .formatted(root, step, rf, configurations);
  }

  /** (k + 1)(k + 2)/2 vectors for three sleeves and step 1/k. */
  static int latticeSize(double step) {
    int k = (int) Math.rint(1 / step);
    return (k + 1) * (k + 2) / 2;
  }

  /** 5,040 days of a random walk per sleeve, the NAV their sum; a rebalance each 21 days. */
  private static void paths(
      String id, SplittableRandom random, List<Object[]> equity, List<Object[]> rebalances) {
    double[] nav = {400_000, 350_000, 250_000};
    LocalDate day = LocalDate.of(2005, 1, 3);
    StructType e = Tables.EQUITY_SCHEMA;
    StructType r = Tables.REBALANCES_SCHEMA;
    for (int t = 0; t < DAYS; t++) {
      Map<String, Double> sleeveNav = new LinkedHashMap<>();
      double total = 0;
      for (int s = 0; s < 3; s++) {
        nav[s] *= Math.exp(0.0003 + 0.01 * gaussian(random));
        sleeveNav.put(SLEEVES.get(s), nav[s]);
        total += nav[s];
      }
      equity.add(
          filled(
              e,
              random,
              Map.of(
                  "config_id",
                  id,
                  "date",
                  day,
                  "nav",
                  total,
                  "reserve",
                  0.0,
                  "sleeve_nav",
                  sleeveNav)));
      if (t % 21 == 0) {
        Map<String, Double> targets = new LinkedHashMap<>();
        for (int s = 0; s < 3; s++) {
          targets.put(SLEEVES.get(s), nav[s] / total);
        }
        rebalances.add(
            filled(
                r,
                random,
                Map.of(
                    "config_id",
                    id,
                    "date",
                    day,
                    "reason",
                    "schedule monthly",
                    "weights_before",
                    targets,
                    "targets",
                    targets,
                    "weights_after",
                    targets)));
      }
      day = day.getDayOfWeek().getValue() == 5 ? day.plusDays(3) : day.plusDays(1);
    }
  }

  /** A row with the given values and every other numeric column drawn; other columns null. */
  private static Object[] filled(
      StructType schema, SplittableRandom random, Map<String, Object> given) {
    Object[] row = new Object[schema.size()];
    StructField[] fields = schema.fields();
    for (int i = 0; i < row.length; i++) {
      DataType type = fields[i].dataType();
      if (given.containsKey(fields[i].name())) {
        row[i] = given.get(fields[i].name());
      } else if (type.equals(DataTypes.DoubleType)) {
        row[i] = random.nextDouble(-0.2, 0.4);
      } else if (type.equals(DataTypes.LongType)) {
        row[i] = (long) random.nextInt(1, 500);
      } else if (type.equals(DataTypes.IntegerType)) {
        row[i] = random.nextInt(1, 500);
      }
    }
    return row;
  }

  private static double[] weights(Object axisValue) {
    List<?> w = (List<?>) axisValue;
    return new double[] {
      ((Number) w.get(0)).doubleValue(),
      ((Number) w.get(1)).doubleValue(),
      ((Number) w.get(2)).doubleValue()
    };
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller, one of the pair
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static List<Object[]> list(Iterable<Object[]> rows) {
    List<Object[]> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }
}
