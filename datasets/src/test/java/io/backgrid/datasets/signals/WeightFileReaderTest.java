package io.backgrid.datasets.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.datasets.testing.RawParquet;
import io.backgrid.engine.strategy.WeightSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WeightFileReader}: CSV and Parquet, the sleeve column, and every refusal's message. */
class WeightFileReaderTest {
  static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2015, 1, 2),
          LocalDate.of(2015, 1, 5),
          LocalDate.of(2015, 1, 6),
          LocalDate.of(2015, 2, 2));
  static final Set<String> DATA = Set.of("AAPL", "MSFT", "GOOG", "IBM");
  static final List<String> UNIVERSE = List.of("AAPL", "MSFT", "GOOG");

  @TempDir Path dir;

  static WeightRequest request(String sleeve, boolean shorts) {
    return WeightRequest.of(sleeve, UNIVERSE, shorts, DATES, DATA);
  }

  WeightSchedule csv(String text) throws IOException {
    return csv(text, false);
  }

  WeightSchedule csv(String text, boolean shorts) throws IOException {
    Path file = Files.writeString(dir.resolve("signals.csv"), text);
    return WeightFileReader.read(
        file.toString(), WeightFileReader.localConf(), request("tech", shorts));
  }

  @Test
  void readsTheSleevesRowsHoldingLeftOutSymbolsAtZero() throws IOException {
    WeightSchedule s =
        csv(
            ",date,symbol,weight,sleeve\n" // pandas' index column, ignored
                + "0,2015-01-02,AAPL,0.5,tech\n"
                + "1,2015-01-02,MSFT,0.25,tech\n"
                + "2,2015-01-02,IBM,1.0,other\n"
                + "3,2015-02-02 00:00:00,GOOG,1,tech\n");
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.date(0)).isEqualTo(LocalDate.of(2015, 1, 2));
    assertThat(new double[] {s.weight(0, 0), s.weight(0, 1), s.weight(0, 2)})
        .containsExactly(0.5, 0.25, 0);
    assertThat(s.date(1)).isEqualTo(LocalDate.of(2015, 2, 2));
    assertThat(new double[] {s.weight(1, 0), s.weight(1, 1), s.weight(1, 2)})
        .containsExactly(0, 0, 1);
    assertThat(s.source()).isEqualTo("signals.csv");
  }

  @Test
  void csvAndParquetGiveTheSameSchedule() throws IOException {
    WeightSchedule fromCsv =
        csv(
            "date,symbol,weight\n"
                + "2015-01-02,AAPL,0.3333333333333333\n"
                + "2015-01-02,MSFT,0.3333333333333333\n"
                + "2015-01-05,GOOG,0.125\n");
    String date = RawParquet.DATE;
    Path parquet =
        RawParquet.write(
            dir,
            "signals.parquet",
            new String[] {date, RawParquet.SYMBOL, RawParquet.field("weight", "\"double\"")},
            new Object[] {(int) LocalDate.of(2015, 1, 2).toEpochDay(), "AAPL", 1.0 / 3},
            new Object[] {(int) LocalDate.of(2015, 1, 2).toEpochDay(), "MSFT", 1.0 / 3},
            new Object[] {(int) LocalDate.of(2015, 1, 5).toEpochDay(), "GOOG", 0.125});
    WeightSchedule fromParquet =
        WeightFileReader.read(
            parquet.toUri().toString(), WeightFileReader.localConf(), request("tech", false));
    assertThat(fromParquet.rows()).isEqualTo(fromCsv.rows()).isEqualTo(2);
    for (int r = 0; r < 2; r++) {
      assertThat(fromParquet.epochDay(r)).isEqualTo(fromCsv.epochDay(r));
      for (int i = 0; i < 3; i++) {
        assertThat(fromParquet.weight(r, i)).isEqualTo(fromCsv.weight(r, i));
      }
    }
  }

  @Test
  void parquetTimestampsAtMidnightAreDatesAndRowsAreNamed() {
    String micros =
        RawParquet.field("date", "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}");
    long day = LocalDate.of(2015, 1, 5).toEpochDay() * 86_400_000_000L;
    Path parquet =
        RawParquet.write(
            dir,
            "w.parquet",
            new String[] {micros, RawParquet.SYMBOL, RawParquet.field("weight", "\"double\"")},
            new Object[] {day, "AAPL", 0.5},
            new Object[] {day, "MSFT", Double.NaN});
    assertThatThrownBy(
            () ->
                WeightFileReader.read(
                    parquet.toString(), WeightFileReader.localConf(), request("tech", false)))
        .hasMessage(
            "Invalid weight in w.parquet row 2: MSFT 2015-01-05 weight=NaN (must be finite)");
  }

  @Test
  void refusesWhatATargetCannotBeNamingFileLineAndValue() {
    String head = "date,symbol,weight\n2015-01-02,AAPL,0.5\n";
    assertRefused(
        head + "2015-01-02,MSFT,NaN\n",
        "Invalid weight in signals.csv line 3: MSFT 2015-01-02 weight=NaN (must be finite)");
    assertRefused(
        head + "2015-01-02,TSLA,0.1\n",
        "Unknown symbol in signals.csv line 3: TSLA (not in the price data)");
    assertRefused(
        head + "2015-01-02,IBM,0.1\n",
        "Invalid symbol in signals.csv line 3: IBM (not in the universe of sleeve 'tech':"
            + " AAPL, MSFT, GOOG)");
    assertRefused(
        head + "2015-01-03,MSFT,0.1\n",
        "Invalid date in signals.csv line 3: 2015-01-03 (not a trading day of the data,"
            + " 2015-01-02 to 2015-02-02)");
    assertRefused(
        head + "2016-01-04,MSFT,0.1\n",
        "Invalid date in signals.csv line 3: 2016-01-04 (outside the data, 2015-01-02 to"
            + " 2015-02-02)");
    assertRefused(
        head + "2015-01-02,MSFT,0.6\n",
        "Invalid weights in signals.csv for 2015-01-02 (from line 2): weights sum to 1.1 (must be"
            + " at most 1; set shorts = true for long-short weights)");
    assertRefused(
        head + "2015-01-02,MSFT,-0.2\n",
        "Invalid weight in signals.csv line 3: MSFT 2015-01-02 weight=-0.2 (must be >= 0 unless"
            + " the sleeve's params set shorts = true)");
    assertRefused(
        head + "2015-01-02,AAPL,0.1\n",
        "Invalid row in signals.csv line 3: AAPL 2015-01-02 is already on line 2 (one weight per"
            + " date and symbol)");
    assertRefused(
        head + "02/01/2015,MSFT,0.1\n",
        "Invalid date in signals.csv line 3: '02/01/2015' (expected YYYY-MM-DD)");
    assertRefused(
        head + "2015-01-02,MSFT,\n", "Missing value in signals.csv line 3: weight (required)");
    assertRefused(
        "day,symbol,w\n",
        "Invalid weights file signals.csv: no column 'date', 'weight' (expected date, symbol,"
            + " weight and optionally sleeve; found day, symbol, w)");
    assertRefused(
        "date,symbol,weight,sleeve\n2015-01-02,AAPL,1,value\n",
        "Invalid weights file signals.csv: no rows for sleeve 'tech' (its sleeve column has:"
            + " value)");
  }

  @Test
  void shortsAllowEachSideUpToOne() throws IOException {
    WeightSchedule s =
        csv(
            "date,symbol,weight\n2015-01-02,AAPL,1\n2015-01-02,MSFT,-0.5\n2015-01-02,GOOG,-0.5\n",
            true);
    assertThat(s.weight(0, 1)).isEqualTo(-0.5);
    assertThatThrownBy(
            () -> csv("date,symbol,weight\n2015-01-02,AAPL,1\n2015-01-02,MSFT,-1.5\n", true))
        .hasMessage(
            "Invalid weights in signals.csv for 2015-01-02 (from line 2): long weights sum to 1.0"
                + " and short weights to -1.5 (each side must be within 1)");
  }

  @Test
  void aMissingFileOrAnUnknownKindIsRefused() {
    assertThatThrownBy(
            () ->
                WeightFileReader.read(
                    dir.resolve("none.csv").toString(),
                    WeightFileReader.localConf(),
                    request("tech", false)))
        .hasMessageStartingWith("Cannot read weights file file:")
        .hasMessageEndingWith("none.csv: it does not exist");
    assertThatThrownBy(
            () ->
                WeightFileReader.read("w.xlsx", WeightFileReader.localConf(), request("t", false)))
        .hasMessage(
            "Unsupported weights file w.xlsx (expected a .csv or .parquet file, or a directory of"
                + " .parquet part files)");
  }

  private void assertRefused(String text, String message) {
    assertThatThrownBy(() -> csv(text)).as(text).hasMessage(message);
  }
}
