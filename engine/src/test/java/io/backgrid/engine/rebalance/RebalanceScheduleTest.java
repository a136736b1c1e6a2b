package io.backgrid.engine.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.market.MarketPanel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceScheduleTest {
  /** NYSE full-day holidays 2015–2016. */
  static final Set<LocalDate> HOLIDAYS =
      Set.of(
          d("2015-01-01"),
          d("2015-01-19"),
          d("2015-02-16"),
          d("2015-04-03"),
          d("2015-05-25"),
          d("2015-07-03"),
          d("2015-09-07"),
          d("2015-11-26"),
          d("2015-12-25"),
          d("2016-01-01"),
          d("2016-01-18"),
          d("2016-02-15"),
          d("2016-03-25"),
          d("2016-05-30"),
          d("2016-07-04"),
          d("2016-09-05"),
          d("2016-11-24"),
          d("2016-12-26"));

  /** US trading days 2015-01-02 .. 2016-12-30. */
  static final MarketPanel NYSE = calendar(d("2015-01-01"), d("2016-12-31"));

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static MarketPanel calendar(LocalDate from, LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
      if (x.getDayOfWeek() != DayOfWeek.SATURDAY
          && x.getDayOfWeek() != DayOfWeek.SUNDAY
          && !HOLIDAYS.contains(x)) {
        dates.add(x);
      }
    }
    double[] flat = new double[dates.size()];
    Arrays.fill(flat, 100.0);
    return MarketPanel.builder(dates, List.of("SPY")).price(0, flat).build();
  }

  static List<LocalDate> fired(RebalanceSchedule schedule, MarketPanel panel) {
    boolean[] fires = schedule.fires(panel);
    List<LocalDate> out = new ArrayList<>();
    for (int t = 0; t < fires.length; t++) {
      if (fires[t]) {
        out.add(panel.date(t));
      }
    }
    return out;
  }

  @Test
  void monthlyFiresOnTheFirstTradingDayOfEachMonthWhateverItsDate() {
    // 2015-01-02 (Jan 1 holiday), 2015-08-03 (Aug 1 a Saturday), 2016-01-04 (Jan 1 a Friday
    // holiday, then a weekend: a month whose first three calendar days are all closed — RustyBT's
    // "day <= 3" rule skips it), 2016-10-03 (Oct 1 a Saturday).
    assertThat(fired(RebalanceSchedule.parse("monthly"), NYSE))
        .containsExactly(
            d("2015-01-02"),
            d("2015-02-02"),
            d("2015-03-02"),
            d("2015-04-01"),
            d("2015-05-01"),
            d("2015-06-01"),
            d("2015-07-01"),
            d("2015-08-03"),
            d("2015-09-01"),
            d("2015-10-01"),
            d("2015-11-02"),
            d("2015-12-01"),
            d("2016-01-04"),
            d("2016-02-01"),
            d("2016-03-01"),
            d("2016-04-01"),
            d("2016-05-02"),
            d("2016-06-01"),
            d("2016-07-01"),
            d("2016-08-01"),
            d("2016-09-01"),
            d("2016-10-03"),
            d("2016-11-01"),
            d("2016-12-01"));
  }

  @Test
  void weeklyFiresOnTuesdayAfterAMondayHoliday() {
    // January 2015: Fri 2 (first bar), Mon 5, Mon 12, Tue 20 (Mon 19 is Martin Luther King Day),
    // Mon 26.
    List<LocalDate> weekly = fired(RebalanceSchedule.parse("weekly"), NYSE);
    assertThat(weekly.subList(0, 5))
        .containsExactly(
            d("2015-01-02"), d("2015-01-05"), d("2015-01-12"), d("2015-01-20"), d("2015-01-26"));
    // Tue 2015-09-08 after Labor Day; Mon 2015-04-06 after Good Friday closed the week early.
    assertThat(weekly).contains(d("2015-09-08"), d("2015-04-06")).doesNotContain(d("2015-09-09"));
    // ISO weeks with a trading day: 2015-W01 (from Mon 2014-12-29) .. 2016-W52 (from Mon
    // 2016-12-26): 53 weeks in 2015 + 52 in 2016.
    assertThat(weekly).hasSize(105);
  }

  @Test
  void quarterlyAndYearlyFireOnTheFirstTradingDayOfThePeriod() {
    assertThat(fired(RebalanceSchedule.parse("quarterly"), NYSE))
        .containsExactly(
            d("2015-01-02"),
            d("2015-04-01"),
            d("2015-07-01"),
            d("2015-10-01"),
            d("2016-01-04"),
            d("2016-04-01"),
            d("2016-07-01"),
            d("2016-10-03"));
    assertThat(fired(RebalanceSchedule.parse("Yearly"), NYSE))
        .containsExactly(d("2015-01-02"), d("2016-01-04"));
  }

  @Test
  void theFirstBarAlwaysAllocatesEvenMidPeriod() {
    // Starting on Wed 2015-07-15: the first bar fires, then Mon 2015-08-03 (new month).
    MarketPanel midMonth = calendar(d("2015-07-15"), d("2015-08-10"));
    assertThat(fired(RebalanceSchedule.parse("monthly"), midMonth))
        .containsExactly(d("2015-07-15"), d("2015-08-03"));
    assertThat(fired(RebalanceSchedule.parse("never"), midMonth)).containsExactly(d("2015-07-15"));
    assertThat(fired(RebalanceSchedule.parse("daily"), midMonth)).hasSize(midMonth.barCount());
  }

  @Test
  void everyNBarsFiresOnBarsZeroNTwoN() {
    boolean[] fires = RebalanceSchedule.parse("every 5 bars").fires(NYSE);
    for (int t = 0; t < fires.length; t++) {
      assertThat(fires[t]).as("bar %d", t).isEqualTo(t % 5 == 0);
    }
    assertThat(RebalanceSchedule.parse("5")).isEqualTo(RebalanceSchedule.everyBars(5));
    assertThat(RebalanceSchedule.parse("every-1-bar")).isEqualTo(RebalanceSchedule.everyBars(1));
    assertThat(RebalanceSchedule.everyBars(5)).hasToString("every 5 bars");
  }

  @Test
  void parsesTheNamedFrequencies() {
    for (RebalanceFrequency f : RebalanceFrequency.values()) {
      if (f != RebalanceFrequency.EVERY_N_BARS) {
        assertThat(RebalanceSchedule.parse(" " + f.name() + " ").frequency()).isEqualTo(f);
      }
    }
    assertThat(RebalanceSchedule.parse("annually"))
        .isEqualTo(RebalanceSchedule.of(RebalanceFrequency.YEARLY));
  }

  @Test
  void unknownFormsListTheValidOnes() {
    String valid =
        " (must be one of never, daily, weekly, monthly, quarterly, yearly, 'every N bars' or N"
            + " (a number of bars >= 1))";
    assertThatThrownBy(() -> RebalanceSchedule.parse("montly"))
        .hasMessage("Invalid rebalance schedule 'montly'" + valid);
    assertThatThrownBy(() -> RebalanceSchedule.parse("every 0 bars"))
        .hasMessage("Invalid rebalance schedule 'every 0 bars'" + valid);
    assertThatThrownBy(() -> RebalanceSchedule.everyBars(0))
        .hasMessage("Invalid rebalance schedule EVERY_N_BARS with bars = 0 (must be >= 1)");
  }

  @Test
  void nominalBarsSortFrequenciesFromMostToLeastFrequentWithNeverLast() {
    List<String> alphabetical =
        List.of("daily", "every 10 bars", "monthly", "never", "quarterly", "weekly", "yearly");
    List<String> sorted =
        alphabetical.stream()
            .sorted(
                Comparator.comparingInt(
                    f -> RebalanceSchedule.parse(f).nominalBars().orElse(Integer.MAX_VALUE)))
            .toList();
    assertThat(sorted)
        .containsExactly(
            "daily", "weekly", "every 10 bars", "monthly", "quarterly", "yearly", "never");
    assertThat(RebalanceSchedule.parse("Annually").nominalBars()).hasValue(252);
    assertThat(RebalanceSchedule.parse("every-1-bar").nominalBars()).hasValue(1);
    assertThat(RebalanceSchedule.parse("never").nominalBars()).isEmpty();
  }
}
