package io.backgrid.spark.config;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The checks of a study against its price data, the one place both {@code validate} and {@code run}
 * make them (so their messages are the same): every symbol the configurations name exists (each
 * unknown one reported with its sleeve and line), every period has bars and every symbol a bar in
 * it (what run's panel loading refuses), and every allocation lookback and sleeve warm-up fits in
 * the bars of its period (a longer one would never have history: the algorithm would keep its
 * initial weights, the sleeve would never trade); the periods' checks are {@link PeriodChecks}.
 *
 * <p>Only the {@code symbol} and {@code date} columns are read ({@link DataFacts}). Data that
 * cannot be reached from here (a cluster path, a file system without credentials) are not an error:
 * the checks are skipped and said so.
 */
public final class RunChecks {
  private static final int SYMBOLS_SHOWN = 50;

  private final Study study;
  private final RunNeeds needs;
  private final String shown;
  private final DataFacts facts;
  private final List<String> problems = new ArrayList<>();

  private RunChecks(Study study, RunNeeds needs, String shown, DataFacts facts) {
    this.study = study;
    this.needs = needs;
    this.shown = shown;
    this.facts = facts;
  }

  /**
   * What the checks did.
   *
   * @param skipped true when the data could not be reached from here and nothing was checked
   * @param line one line saying what was checked, or why the checks were skipped
   */
  public record Outcome(boolean skipped, String line) {}

  /**
   * Checks a study's configurations against the data.
   *
   * @param needs what the configurations ask of the data
   * @param shown the data as the user wrote them (for messages), e.g. {@code datasets/demo}
   * @param location where they are
   * @param hadoop the file systems' settings
   * @return what was checked, or why the checks were skipped
   * @throws StudyConfigException with every problem found
   * @throws IllegalArgumentException for data that are reachable but not a valid price table
   */
  public static Outcome check(
      Study study, RunNeeds needs, String shown, URI location, Configuration hadoop) {
    RunChecks ids = new RunChecks(study, needs, shown, null);
    ids.equityIds(); // needs no data
    ids.throwIfAny();
    DataFacts facts;
    try {
      facts = DataFacts.read(location, needs.symbols.keySet(), hadoop);
    } catch (DataFacts.Unreachable e) {
      return new Outcome(
          true, "data checks skipped: cannot reach the data (" + e.getMessage() + ")");
    }
    RunChecks checks = new RunChecks(study, needs, shown, facts);
    checks.symbols();
    checks.benchmark();
    if (checks.problems.isEmpty()) {
      new PeriodChecks(study, needs, shown, facts, checks.problems).check();
    }
    checks.throwIfAny();
    return new Outcome(
        false,
        String.format(
            Locale.ROOT,
            "data checks passed: %d of the data's %d symbols used, %d bars (%s)",
            needs.symbols.size(),
            facts.symbols().size(),
            facts.calendar().length,
            facts.span()));
  }

  private void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new StudyConfigException(study.source(), problems);
    }
  }

  private void equityIds() {
    for (String id : needs.missingEquityIds) {
      problems.add(
          "Invalid study.equity.ids: '"
              + id
              + "' is not a configuration of study "
              + study.name()
              + " ("
              + study.template().where("equity.ids")
              + "); validate lists configuration ids");
    }
  }

  private void symbols() {
    for (Map.Entry<String, RunNeeds.User> e : needs.symbols.entrySet()) {
      if (facts.symbols().containsKey(e.getKey())) {
        continue;
      }
      String symbol = e.getKey();
      RunNeeds.User user = e.getValue();
      String at;
      if (user.sleeve() >= 0) {
        String path = "sleeves." + user.id() + ".universe";
        at =
            "study.sleeves["
                + user.sleeve()
                + "].universe (sleeve "
                + user.id()
                + ", "
                + StudyPlaces.where(study, path, v -> v instanceof List<?> l && l.contains(symbol))
                + ")";
      } else {
        String path = "allocation." + user.id() + "." + user.param();
        at = "study." + path + " (" + StudyPlaces.where(study, path, symbol::equals) + ")";
      }
      problems.add(unknownSymbol(symbol, at));
    }
  }

  /**
   * Every symbol of {@code study.benchmark} exists and has a bar on or before the first simulated
   * date (the benchmark's path starts there).
   */
  private void benchmark() {
    if (study.benchmark() == null) {
      return;
    }
    String at = "study.benchmark (" + study.template().where(BenchmarkSetting.KEY) + ")";
    long first = facts.calendar().length == 0 ? Long.MIN_VALUE : facts.calendar()[0];
    if (needs.start() != null) {
      first = Math.max(first, needs.start().toEpochDay());
    }
    for (String symbol : study.benchmark().symbols()) {
      int[] range = facts.symbols().get(symbol);
      if (range == null) {
        problems.add(unknownSymbol(symbol, at));
      } else if (range[0] > first) {
        problems.add(
            "Invalid "
                + at
                + ": symbol '"
                + symbol
                + "' starts on "
                + LocalDate.ofEpochDay(range[0])
                + ", after the first simulated date "
                + LocalDate.ofEpochDay(first)
                + " (a benchmark symbol must have a price from the study's first date)");
      }
    }
  }

  private String listed() {
    List<String> names = new ArrayList<>(facts.symbols().keySet());
    String head = String.join(", ", names.subList(0, Math.min(SYMBOLS_SHOWN, names.size())));
    return names.size() > SYMBOLS_SHOWN
        ? head + ", ... (" + (names.size() - SYMBOLS_SHOWN) + " more)"
        : head;
  }

  /** The refusal of a symbol the data do not have, listing the data's symbols. */
  private String unknownSymbol(String symbol, String at) {
    return "Unknown symbol '"
        + symbol
        + "' in "
        + at
        + "; the data ("
        + shown
        + ") has "
        + facts.symbols().size()
        + " symbols: "
        + listed();
  }
}
