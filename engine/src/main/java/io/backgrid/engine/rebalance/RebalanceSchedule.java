package io.backgrid.engine.rebalance;

import io.backgrid.engine.market.MarketPanel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rebalancing schedule: which bars of a calendar fire.
 *
 * <p>Rules, for bars t = 0 … T−1 with dates d_t (the panel's trading calendar):
 *
 * <ul>
 *   <li>bar 0 always fires (the first bar allocates);
 *   <li>{@code never}: bar 0 only;
 *   <li>{@code daily}: every bar;
 *   <li>{@code weekly}: t ≥ 1 fires when d_t and d_{t−1} fall in different ISO weeks (weeks start
 *       on Monday), so after a Monday holiday the Tuesday fires;
 *   <li>{@code monthly} / {@code quarterly} / {@code yearly}: t ≥ 1 fires when the calendar month /
 *       quarter / year of d_t differs from that of d_{t−1}: the first bar of the new period,
 *       whatever day of the month it falls on (January 2016's first trading day, the 4th, fires);
 *   <li>{@code every N bars}: t ≡ 0 (mod N).
 * </ul>
 *
 * @param frequency the kind of schedule
 * @param bars N for {@link RebalanceFrequency#EVERY_N_BARS} (≥ 1), 0 otherwise
 */
public record RebalanceSchedule(RebalanceFrequency frequency, int bars)
    implements java.io.Serializable {
  private static final Pattern EVERY = Pattern.compile("(?:every\\s*)?(\\d+)(?:\\s*bars?)?");
  private static final String FORMS =
      "never, daily, weekly, monthly, quarterly, yearly, 'every N bars' or N (a number of bars >="
          + " 1)";

  public RebalanceSchedule {
    if (frequency == null) {
      throw new IllegalArgumentException("Invalid rebalance schedule: no frequency");
    }
    if (frequency == RebalanceFrequency.EVERY_N_BARS ? bars < 1 : bars != 0) {
      throw new IllegalArgumentException(
          "Invalid rebalance schedule "
              + frequency
              + " with bars = "
              + bars
              + (frequency == RebalanceFrequency.EVERY_N_BARS
                  ? " (must be >= 1)"
                  : " (must be 0)"));
    }
  }

  /** A calendar schedule ({@code NEVER} … {@code YEARLY}). */
  public static RebalanceSchedule of(RebalanceFrequency frequency) {
    return new RebalanceSchedule(frequency, 0);
  }

  /** Every {@code n} bars (n ≥ 1; 1 is the same as daily). */
  public static RebalanceSchedule everyBars(int n) {
    return new RebalanceSchedule(RebalanceFrequency.EVERY_N_BARS, n);
  }

  /**
   * Parses {@code never}, {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly}, {@code
   * yearly} (also {@code annually}), {@code every 5 bars} / {@code every 1 bar} / {@code
   * every-5-bars}, or a bare number of bars such as {@code 5}. Case and surrounding blanks are
   * ignored.
   *
   * @throws IllegalArgumentException naming the text and listing the valid forms
   */
  public static RebalanceSchedule parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', ' ');
    switch (s) {
      case "never":
        return of(RebalanceFrequency.NEVER);
      case "daily":
        return of(RebalanceFrequency.DAILY);
      case "weekly":
        return of(RebalanceFrequency.WEEKLY);
      case "monthly":
        return of(RebalanceFrequency.MONTHLY);
      case "quarterly":
        return of(RebalanceFrequency.QUARTERLY);
      case "yearly":
      case "annually":
        return of(RebalanceFrequency.YEARLY);
      default:
        break;
    }
    Matcher m = EVERY.matcher(s);
    if (m.matches() && m.group(1).length() <= 9 && Integer.parseInt(m.group(1)) >= 1) {
      return everyBars(Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(
        "Invalid rebalance schedule '" + text + "' (must be one of " + FORMS + ")");
  }

  /**
   * The bars on which the schedule fires.
   *
   * @return one flag per bar of the panel; element 0 is always true
   */
  public boolean[] fires(MarketPanel panel) {
    int n = panel.barCount();
    boolean[] fires = new boolean[n];
    fires[0] = true;
    for (int t = 1; t < n; t++) {
      fires[t] = firesAt(t, panel.date(t - 1), panel.date(t));
    }
    return fires;
  }

  /**
   * Whether bar {@code t} ≥ 1 fires (the rules above; bar 0 always does and is not asked here).
   *
   * @param previous the date of bar t − 1
   * @param date the date of bar t
   */
  public boolean firesAt(int t, LocalDate previous, LocalDate date) {
    return switch (frequency) {
      case NEVER -> false;
      case DAILY -> true;
      case WEEKLY -> !monday(previous).equals(monday(date));
      case MONTHLY ->
          previous.getYear() != date.getYear() || previous.getMonthValue() != date.getMonthValue();
      case QUARTERLY -> previous.getYear() != date.getYear() || quarter(previous) != quarter(date);
      case YEARLY -> previous.getYear() != date.getYear();
      case EVERY_N_BARS -> t % bars == 0;
    };
  }

  private static LocalDate monday(LocalDate date) {
    return date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
  }

  private static int quarter(LocalDate date) {
    return (date.getMonthValue() - 1) / 3;
  }

  /**
   * The nominal number of trading days between two scheduled rebalances, to sort frequencies by how
   * often they fire (their names sort alphabetically): daily 1, weekly 5, monthly 21, quarterly 63,
   * yearly 252 (252 trading days a year), N for every N bars; empty for never.
   */
  public OptionalInt nominalBars() {
    return switch (frequency) {
      case NEVER -> OptionalInt.empty();
      case DAILY -> OptionalInt.of(1);
      case WEEKLY -> OptionalInt.of(5);
      case MONTHLY -> OptionalInt.of(21);
      case QUARTERLY -> OptionalInt.of(63);
      case YEARLY -> OptionalInt.of(252);
      case EVERY_N_BARS -> OptionalInt.of(bars);
    };
  }

  @Override
  public String toString() {
    return frequency == RebalanceFrequency.EVERY_N_BARS
        ? "every " + bars + " bars"
        : frequency.name().toLowerCase(Locale.ROOT);
  }
}
