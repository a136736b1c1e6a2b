package io.backgrid.engine.strategy;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Set;

/**
 * {@code target-weights}: the sleeve holds weights written by another program (Python, R, …) into a
 * table {@code date, symbol, weight} (optionally {@code sleeve}), CSV or Parquet.
 *
 * <p>Parameters:
 *
 * <ul>
 *   <li>{@code path} — the file, a local path or a Hadoop URI (required);
 *   <li>{@code sleeve} — which rows of a file with a {@code sleeve} column this sleeve takes
 *       (default: the sleeve's id);
 *   <li>{@code shorts} — allow negative weights (default false: every weight ≥ 0 and Σ w ≤ 1; true:
 *       longs sum to at most 1 and shorts to at least −1, the rule of every strategy's targets);
 *   <li>{@code schedule} — not written by users: the file as read and checked by the datasets
 *       module's {@code WeightFileReader} (a {@link WeightSchedule}, added with {@link
 *       #withSchedule}). The engine reads no files.
 * </ul>
 *
 * <p>Rule: the weights dated t are the sleeve's targets decided at t's close; the strategy returns
 * true at bar t, so the sleeve moves to them per the study's execution (same close, or next open).
 * They are held, drifting with prices, until the next dated row; symbols a row leaves out have
 * weight 0, and what the weights leave over stays in cash. Before the first dated row the sleeve
 * holds cash. A simulation period that starts after some rows starts from the last row dated on or
 * before its first bar. Warm-up: 0 bars. O(1) per bar (a cursor over the dated rows).
 */
public final class TargetWeights implements SleeveStrategy {
  /** Registry name. */
  public static final String NAME = "target-weights";

  /** Parameter: the weights file. */
  public static final String PATH = "path";

  /** Parameter: the rows of the file's {@code sleeve} column this sleeve takes. */
  public static final String SLEEVE = "sleeve";

  /** Parameter: whether negative weights are allowed. */
  public static final String SHORTS = "shorts";

  /** Parameter set by the driver: the file as read ({@link WeightSchedule}). */
  public static final String SCHEDULE = "schedule";

  /**
   * The parameters a user writes ({@link #SCHEDULE} is the driver's): checked as written before the
   * file is read, so the study's config check needs no file.
   */
  public static final Declared PARAMS =
      new Declared(
          "strategy " + NAME,
          List.of(
              ParamSpec.required(
                  PATH,
                  ParamSpec.Type.STRING,
                  "the weights file, CSV or Parquet, a path or Hadoop URI"),
              ParamSpec.string(
                  SLEEVE,
                  "the sleeve's id",
                  "the rows of the file's sleeve column this sleeve takes"),
              ParamSpec.flag(SHORTS, false, "allow negative weights")));

  private final WeightSchedule schedule;
  private int next;
  private boolean started;

  /**
   * @param params {@code path}, {@code sleeve}, {@code shorts} and the read {@code schedule}
   * @param universeSize n ≥ 1, the schedule's number of symbols
   * @throws IllegalArgumentException for a missing path, a schedule not read yet or read for
   *     another universe
   */
  public TargetWeights(Params params, int universeSize) {
    Params written = params.without(Set.of(SCHEDULE));
    PARAMS.refuseUnknown(written);
    String path = checkWritten(written);
    Object read = params.asMap().get(SCHEDULE);
    if (!(read instanceof WeightSchedule s)) {
      throw new IllegalArgumentException(
          "Cannot run strategy "
              + NAME
              + ": "
              + params.pathOf(PATH)
              + " = '"
              + path
              + "' has not been read into a schedule (read it with the datasets module's"
              + " WeightFileReader and pass it with TargetWeights.withSchedule, as the study job"
              + " does)");
    }
    if (s.symbols().size() != universeSize) {
      throw new IllegalArgumentException(
          "Invalid weight schedule for strategy "
              + NAME
              + ": "
              + s
              + " has "
              + s.symbols().size()
              + " symbols for a universe of "
              + universeSize);
    }
    this.schedule = s;
  }

  /**
   * Checks the parameters a user writes against {@link #PARAMS}, before any file is read (unknown
   * keys are the caller's to refuse, {@link Declared#refuseUnknown}).
   *
   * @return the path as written
   * @throws IllegalArgumentException naming the parameter, the value and the rule
   */
  public static String checkWritten(Params params) {
    String path = PARAMS.get(PATH).stringIn(params);
    PARAMS.get(SLEEVE).stringIn(params);
    PARAMS.get(SHORTS).flagIn(params);
    return path;
  }

  /**
   * The parameters with the file's schedule added under {@link #SCHEDULE}, reported under the same
   * path as {@code params}.
   */
  public static Params withSchedule(Params params, WeightSchedule schedule) {
    return params.with(SCHEDULE, schedule);
  }

  @Override
  public int warmupBars() {
    return 0;
  }

  /**
   * Applies the last row dated on or before the bar's date, if that row was not applied yet.
   *
   * @throws IllegalStateException for a row dated between two bars (not a trading day of the data;
   *     the driver refuses those when it reads the file)
   */
  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    long day = market.date().toEpochDay();
    int last = -1;
    while (next < schedule.rows() && schedule.epochDay(next) <= day) {
      if (started && schedule.epochDay(next) < day) {
        throw new IllegalStateException(
            "Invalid date in "
                + schedule.source()
                + ": "
                + schedule.date(next)
                + " is not a trading day of the data (the next bar is "
                + market.date()
                + ")");
      }
      last = next++;
    }
    started = true;
    if (last < 0) {
      return false;
    }
    schedule.copyRow(last, targets);
    return true;
  }
}
