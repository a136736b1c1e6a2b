package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/** Calendar-year and calendar-month figures on a hand-made dated NAV series. */
class CalendarPeriodsTest {
  static final int P = 252;

  // Start 2019-12-30 at 100. 2019: one return (to 102). 2020: Jan 101, 104; Feb 78 (the low),
  // 91; Dec 117. 2021: Jan 4 at 117 (a zero return), Mar 130.
  static final LocalDate[] DATES = {
    LocalDate.of(2019, 12, 30),
    LocalDate.of(2019, 12, 31),
    LocalDate.of(2020, 1, 2),
    LocalDate.of(2020, 1, 31),
    LocalDate.of(2020, 2, 3),
    LocalDate.of(2020, 2, 28),
    LocalDate.of(2020, 12, 31),
    LocalDate.of(2021, 1, 4),
    LocalDate.of(2021, 3, 1)
  };
  static final double[] NAV = {100, 102, 101, 104, 78, 91, 117, 117, 130};

  static double[] returns(int from, int to) {
    double[] r = new double[to - from];
    for (int t = from; t < to; t++) {
      r[t - from] = NAV[t] / NAV[t - 1] - 1;
    }
    return r;
  }

  @Test
  void yearsOfAHandMadeSeries() {
    double rf = 0.0001;
    List<YearFigures> years = CalendarPeriods.of(DATES, NAV, P, rf).years();
    assertThat(years).extracting(YearFigures::year).containsExactly(2019, 2020, 2021);
    assertThat(years).extracting(YearFigures::returns).containsExactly(1, 5, 2);

    YearFigures y2019 = years.get(0);
    assertThat(y2019.totalReturn()).isCloseTo(0.02, within(1e-15));
    assertThat(y2019.volatility()).isNaN();
    assertThat(y2019.sharpe()).isNaN();
    assertThat(y2019.maxDrawdown()).isZero();

    YearFigures y2020 = years.get(1);
    double[] r = returns(2, 7);
    double std = new StandardDeviation(true).evaluate(r);
    assertThat(y2020.totalReturn()).isCloseTo(117.0 / 102 - 1, within(1e-15));
    assertThat(y2020.volatility()).isCloseTo(std * Math.sqrt(P), within(1e-14));
    assertThat(y2020.sharpe())
        .isCloseTo((new Mean().evaluate(r) - rf) / std * Math.sqrt(P), within(1e-12));
    // The peak within 2020 is 104 (Jan 31), the low 78: −25%.
    assertThat(y2020.maxDrawdown()).isCloseTo(78.0 / 104 - 1, within(1e-15));

    YearFigures y2021 = years.get(2);
    assertThat(y2021.totalReturn()).isCloseTo(130.0 / 117 - 1, within(1e-15));
    assertThat(y2021.maxDrawdown()).isZero();
  }

  @Test
  void theOpeningValueIsTheYearsFirstPeak() {
    // Down on the first day of the year: the drawdown is measured from the previous close.
    LocalDate[] dates = {
      LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 5)
    };
    List<YearFigures> years = CalendarPeriods.of(dates, new double[] {100, 90, 95}, P, 0).years();
    assertThat(years.get(0).maxDrawdown()).isCloseTo(-0.1, within(1e-15));
    assertThat(years.get(0).totalReturn()).isCloseTo(-0.05, within(1e-15));
  }

  @Test
  void monthsOfAHandMadeSeries() {
    List<MonthReturn> months = CalendarPeriods.of(DATES, NAV, P, 0).months();
    assertThat(months)
        .extracting(MonthReturn::year, MonthReturn::month)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2019, 12),
                org.assertj.core.groups.Tuple.tuple(2020, 1),
            org.assertj.core.groups.Tuple.tuple(2020, 2),
                org.assertj.core.groups.Tuple.tuple(2020, 12),
            org.assertj.core.groups.Tuple.tuple(2021, 1),
                org.assertj.core.groups.Tuple.tuple(2021, 3));
    double[] expected = {
      102.0 / 100 - 1, 104.0 / 102 - 1, 91.0 / 104 - 1, 117.0 / 91 - 1, 0, 130.0 / 117 - 1
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat(months.get(i).totalReturn())
          .as("month %d", i)
          .isCloseTo(expected[i], within(1e-15));
    }
  }

  @Test
  void yearAndMonthOfAnEpochDayMatchLocalDate() {
    SplittableRandom random = new SplittableRandom(8);
    for (int k = 0; k < 20_000; k++) {
      long day = random.nextLong(-800_000, 800_000);
      LocalDate date = LocalDate.ofEpochDay(day);
      assertThat(CalendarPeriods.yearMonth(day))
          .as("%s", date)
          .isEqualTo(date.getYear() * 16 + date.getMonthValue());
    }
  }

  @Test
  void theFirstDayOfEveryMonthMatchesLocalDate() {
    for (int year = 1899; year <= 2101; year++) {
      for (int month = 1; month <= 12; month++) {
        assertThat(CalendarPeriods.daysFromCivil(year, month))
            .as(year + "-" + month)
            .isEqualTo(LocalDate.of(year, month, 1).toEpochDay());
      }
    }
  }

  /** Daily returns over every calendar day of 40 years: each month's return from the values. */
  @Test
  void monthsOfEveryDayOverFortyYearsMatchTheValuesAtTheMonthEnds() {
    LocalDate start = LocalDate.of(1995, 12, 31);
    int days = 365 * 40;
    LocalDate[] dates = new LocalDate[days];
    double[] values = new double[days];
    for (int t = 0; t < days; t++) {
      dates[t] = start.plusDays(t);
      values[t] = 100 + 10 * Math.sin(t / 17.0) + t * 0.01;
    }
    List<MonthReturn> months = CalendarPeriods.of(dates, values, 252, 0).months();
    double open = values[0];
    int k = 0;
    for (int t = 1; t < days; t++) {
      boolean last = t == days - 1 || dates[t + 1].getMonthValue() != dates[t].getMonthValue();
      if (last) {
        MonthReturn m = months.get(k++);
        assertThat(m.year()).isEqualTo(dates[t].getYear());
        assertThat(m.month()).isEqualTo(dates[t].getMonthValue());
        assertThat(m.totalReturn()).isCloseTo(values[t] / open - 1, within(1e-12));
        open = values[t];
      }
    }
    assertThat(months).hasSize(k);
  }

  @Test
  void rejectsMoreYearsThanItsCapacity() {
    CalendarPeriods periods = new CalendarPeriods(1, P, 0);
    periods.start(LocalDate.of(2020, 12, 30).toEpochDay());
    periods.add(LocalDate.of(2020, 12, 31).toEpochDay(), 0.01);
    assertThatThrownBy(() -> periods.add(LocalDate.of(2021, 1, 4).toEpochDay(), 0.01))
        .hasMessage("Cannot add a return in 2021: capacity of 1 years exceeded");
  }
}
