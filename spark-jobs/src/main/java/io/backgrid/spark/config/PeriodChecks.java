package io.backgrid.spark.config;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The checks of a study's periods against the dates of its price data ({@link RunChecks}, once
 * every symbol is known to exist): every period has bars and every symbol a bar in it, and every
 * allocation lookback and sleeve warm-up fits in the bars of its period (a longer one would never
 * have history: the algorithm would keep its initial weights, the sleeve would never trade).
 */
final class PeriodChecks {
  private final Study study;
  private final RunNeeds needs;
  private final String shown;
  private final DataFacts facts;
  private final List<String> problems;

  /**
   * @param shown the data as the user wrote them (for messages)
   * @param problems where each problem found is added
   */
  PeriodChecks(Study study, RunNeeds needs, String shown, DataFacts facts, List<String> problems) {
    this.study = study;
    this.needs = needs;
    this.shown = shown;
    this.facts = facts;
    this.problems = problems;
  }

  /**
   * Adds a problem for every check that fails; the later checks only when the periods have bars.
   */
  void check() {
    for (RunNeeds.Period p : needs.periods) {
      if (facts.bars(p.start(), p.end()) == 0) {
        problems.add(
            "Invalid study.period: "
                + text(p)
                + " (no bar of the data ("
                + shown
                + ") falls in it; they cover "
                + facts.span()
                + ") ("
                + wherePeriod(p)
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    LocalDate start = needs.start();
    LocalDate end = needs.end();
    for (Map.Entry<String, RunNeeds.User> e : needs.symbols.entrySet()) {
      int[] range = facts.symbols().get(e.getKey());
      if ((start != null && range[1] < start.toEpochDay())
          || (end != null && range[0] > end.toEpochDay())) {
        RunNeeds.User user = e.getValue();
        String in =
            user.sleeve() >= 0
                ? "study.sleeves[" + user.sleeve() + "].universe (sleeve " + user.id() + ")"
                : "study.allocation." + user.id() + "." + user.param();
        problems.add(
            "Invalid study.period: "
                + text(new RunNeeds.Period(start, end))
                + " (no bar of symbol '"
                + e.getKey()
                + "' in "
                + in
                + " falls in it; its data cover "
                + LocalDate.ofEpochDay(range[0])
                + " .. "
                + LocalDate.ofEpochDay(range[1])
                + ") ("
                + wherePeriod(new RunNeeds.Period(start, end))
                + ")");
      }
    }
    for (Map.Entry<RunNeeds.Period, Lookback> e : needs.lookbacks) {
      lookback(e.getKey(), e.getValue());
    }
    needs.sleeves.forEach(
        (period, sleeves) -> sleeves.forEach((spec, warmup) -> warmup(period, spec, warmup)));
  }

  /** An algorithm has history at bar t once t ≥ L (bars) or date(0) ≤ date(t) − P (a period). */
  private void lookback(RunNeeds.Period p, Lookback lookback) {
    int first = facts.from(p.start());
    int n = facts.bars(p.start(), p.end());
    LocalDate firstDate = LocalDate.ofEpochDay(facts.calendar()[first]);
    LocalDate lastDate = LocalDate.ofEpochDay(facts.calendar()[first + n - 1]);
    boolean fits =
        lookback.period() == null
            ? lookback.bars() <= n - 1
            : !firstDate.isAfter(lastDate.minus(lookback.period()));
    if (!fits) {
      problems.add(
          "Invalid study.allocation.lookback: "
              + lookback
              + " (longer than the data: "
              + n
              + " bars from "
              + firstDate
              + " to "
              + lastDate
              + "; the algorithm would never have its history) ("
              + StudyPlaces.where(study, "allocation.lookback", lookback::equals)
              + ")");
    }
  }

  /** A sleeve's strategy first acts at bar W (its warm-up), so W must be a bar of the period. */
  private void warmup(RunNeeds.Period p, SleeveSpec spec, int warmup) {
    int n = facts.bars(p.start(), p.end());
    if (warmup <= n - 1) {
      return;
    }
    int first = facts.from(p.start());
    String id = spec.id();
    String where = null;
    for (GridAxis a : study.axes()) {
      String key =
          a.path().startsWith("sleeves." + id + ".params.")
              ? a.path().substring(("sleeves." + id + ".params.").length())
              : null;
      Object value = key == null ? null : spec.params().asMap().get(key);
      for (AxisValue v : a.values()) {
        if (where == null
            && value != null
            && value.equals(
                io.backgrid.engine.param.Params.of(Map.of(key, v.typed())).asMap().get(key))) {
          where = v.where();
        }
      }
    }
    problems.add(
        "Invalid study.sleeves["
            + needs.index(spec)
            + "].params (sleeve "
            + id
            + "): strategy "
            + spec.strategy()
            + " with "
            + spec.params()
            + " needs "
            + warmup
            + " bars of warm-up, longer than the data: "
            + n
            + " bars from "
            + LocalDate.ofEpochDay(facts.calendar()[first])
            + " to "
            + LocalDate.ofEpochDay(facts.calendar()[first + n - 1])
            + " ("
            + (where != null ? where : study.template().where("sleeves." + id + ".params"))
            + ")");
  }

  private static String text(RunNeeds.Period p) {
    return (p.start() == null ? "(open)" : p.start().toString())
        + " .. "
        + (p.end() == null ? "(open)" : p.end().toString());
  }

  private String wherePeriod(RunNeeds.Period p) {
    if (p.start() != null) {
      return StudyPlaces.where(study, "period.start", p.start()::equals);
    }
    return p.end() != null
        ? StudyPlaces.where(study, "period.end", p.end()::equals)
        : study.template().where("period");
  }
}
