package io.backgrid.datasets.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.validate.ValidationException;
import io.backgrid.engine.market.MarketPanel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelLoaderTest {
  private static final double NA = Double.NaN;
  private static final LocalDate MON = LocalDate.of(2024, 1, 1);

  @TempDir Path dir;
  private Path table;

  private static int day(int offset) {
    return (int) MON.plusDays(offset).toEpochDay();
  }

  /**
   * OLD trades Mon..Fri of one week except Wednesday (a gap); NEW lists on Thursday; ALT trades
   * only on Tuesday and Saturday (a date nobody else has, so the union calendar has 6 dates).
   */
  @BeforeEach
  void writeTable() {
    PriceTable.Builder b = PriceTable.builder();
    int src = b.source("t");
    b.addRow(src, 1, "OLD", day(0), NA, NA, NA, 10, NA, NA);
    b.addRow(src, 2, "OLD", day(1), NA, NA, NA, 11, NA, NA);
    b.addRow(src, 3, "OLD", day(3), NA, NA, NA, 13, NA, NA);
    b.addRow(src, 4, "OLD", day(4), NA, NA, NA, 14, NA, NA);
    b.addRow(src, 5, "NEW", day(3), NA, NA, NA, 50, NA, NA);
    b.addRow(src, 6, "NEW", day(4), NA, NA, NA, 51, NA, NA);
    b.addRow(src, 7, "ALT", day(1), NA, NA, NA, 7, NA, NA);
    b.addRow(src, 8, "ALT", day(5), NA, NA, NA, 8, NA, NA);
    table = dir.resolve("prices");
    PriceParquetWriter.write(b.build(), table, WriteOptions.DEFAULT);
  }

  @Test
  void calendarIsTheUnionOfEverySymbolsDates() {
    MarketPanel p = PanelLoader.load(table, PanelRequest.all());
    assertThat(p.symbols()).containsExactly("ALT", "NEW", "OLD");
    // Mon, Tue, Thu, Fri from OLD; Sat from ALT; Wed nobody
    assertThat(p.dates())
        .containsExactly(MON, MON.plusDays(1), MON.plusDays(3), MON.plusDays(4), MON.plusDays(5));
  }

  @Test
  void lateListingIsNaNAndNotTradableBeforeItsFirstBar() {
    MarketPanel p = PanelLoader.load(table, PanelRequest.all());
    int s = p.symbolIndex("NEW");
    assertThat(p.price(s, 0)).isNaN();
    assertThat(p.price(s, 1)).isNaN();
    assertThat(p.tradable(s, 1)).isFalse();
    assertThat(p.price(s, 2)).isEqualTo(50.0);
    assertThat(p.tradable(s, 2)).isTrue();
    assertThat(p.firstBar(s)).isEqualTo(2);
  }

  @Test
  void aSymbolWithoutABarOnACalendarDateCarriesItsPriceAndIsNotTradable() {
    MarketPanel p = PanelLoader.load(table, PanelRequest.all());
    int old = p.symbolIndex("OLD");
    int sat = 4;
    assertThat(p.price(old, sat)).isEqualTo(14.0);
    assertThat(p.tradable(old, sat)).isFalse();
    int alt = p.symbolIndex("ALT");
    assertThat(p.price(alt, 2)).isEqualTo(7.0); // Thu, ALT's last price from Tue
    assertThat(p.tradable(alt, 2)).isFalse();
  }

  @Test
  void symbolsComeInTheRequestedOrderAndThePeriodCutsTheCalendar() {
    MarketPanel p =
        PanelLoader.load(
            table,
            new PanelRequest(List.of("OLD", "NEW"), MON.plusDays(1), MON.plusDays(4), Set.of()));
    assertThat(p.symbols()).containsExactly("OLD", "NEW");
    assertThat(p.dates()).containsExactly(MON.plusDays(1), MON.plusDays(3), MON.plusDays(4));
    assertThat(p.price(0, 0)).isEqualTo(11.0);
  }

  @Test
  void anUnknownSymbolIsNamed() {
    assertThatThrownBy(
            () ->
                PanelLoader.load(
                    table, new PanelRequest(List.of("OLD", "XYZ"), null, null, Set.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown symbol 'XYZ': the price data at " + table.toUri() + " have no rows for it");
  }

  @Test
  void aSymbolWithNoBarInThePeriodIsNamed() {
    assertThatThrownBy(
            () ->
                PanelLoader.load(
                    table, new PanelRequest(List.of("NEW"), MON, MON.plusDays(1), Set.of())))
        .hasMessage("Cannot load symbol 'NEW': no bar in the period 2024-01-01 .. 2024-01-02");
  }

  @Test
  void duplicateRowsInParquetFromAnotherWriterAreRefused() throws Exception {
    // two part files with the same (symbol, date), as a careless Spark job could leave
    Path dup = dir.resolve("dup");
    java.nio.file.Files.createDirectories(dup);
    for (String name : new String[] {"a", "b"}) {
      PriceTable.Builder b = PriceTable.builder();
      b.addRow(b.source("t"), 1, "OLD", day(0), NA, NA, NA, 10, NA, NA);
      Path one = dir.resolve(name);
      PriceParquetWriter.write(b.build(), one, WriteOptions.DEFAULT);
      java.nio.file.Files.move(
          one.resolve("part-00000.parquet"), dup.resolve("part-" + name + ".parquet"));
    }
    assertThatThrownBy(() -> PanelLoader.load(dup, PanelRequest.all()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Duplicate bar in part-b.parquet row 1: OLD 2024-01-01 (first at part-a.parquet row"
                + " 1)");
  }

  @Test
  void aMissingLocationIsNamed() {
    Path nowhere = dir.resolve("nowhere");
    assertThatThrownBy(() -> PanelLoader.load(nowhere, PanelRequest.all()))
        .hasMessage("Cannot read price data: " + nowhere.toUri() + " does not exist");
  }

  @Test
  void aSinglePartFileCanBeReadDirectly() {
    MarketPanel p = PanelLoader.load(table.resolve("part-00000.parquet"), PanelRequest.all());
    assertThat(p.symbolCount()).isEqualTo(3);
  }
}
