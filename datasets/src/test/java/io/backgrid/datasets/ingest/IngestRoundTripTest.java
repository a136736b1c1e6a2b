package io.backgrid.datasets.ingest;

import static io.backgrid.datasets.testing.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.datasets.parquet.PriceParquetReader;
import io.backgrid.datasets.parquet.WriteMode;
import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.testing.Files2;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRoundTripTest {
  private static final LocalDate D2 = LocalDate.of(2024, 1, 2);
  private static final LocalDate D3 = LocalDate.of(2024, 1, 3);
  private static final LocalDate D4 = LocalDate.of(2024, 1, 4);

  @TempDir Path dir;

  private MarketPanel ingestAndLoad(List<Path> inputs, CsvFormat format) {
    Path out = dir.resolve("prices");
    Ingest.run(new IngestRequest(inputs, format, RowFilter.ALL, out, WriteOptions.DEFAULT));
    return PanelLoader.load(out, PanelRequest.allFields());
  }

  @Test
  void longCsvRoundTripsUnsortedRowsWithAdjustedPriceAndAdjustedOpen() {
    Path csv =
        write(
            dir,
            "prices.csv",
            "symbol,date,open,high,low,close,adj_close,volume",
            "BBB,2024-01-03,20,21,19,20.5,,1000",
            "AAA,2024-01-02,10,11,9,10.5,5.25,100",
            "AAA,2024-01-03,10.5,12,10,11,5.5,200",
            "BBB,2024-01-02,19,20,18,19.5,,900");
    MarketPanel p = ingestAndLoad(List.of(csv), CsvFormat.LONG);

    assertThat(p.dates()).containsExactly(D2, D3);
    assertThat(p.symbols()).containsExactly("AAA", "BBB");
    // AAA trades at adj_close; open on the same adjustment: 10 × 5.25/10.5 = 5.0, 10.5 × 5.5/11 =
    // 5.25
    assertThat(p.price(0, 0)).isEqualTo(5.25);
    assertThat(p.price(0, 1)).isEqualTo(5.5);
    assertThat(p.field(PriceField.OPEN, 0, 0)).isEqualTo(5.0);
    assertThat(p.field(PriceField.OPEN, 0, 1)).isEqualTo(5.25);
    assertThat(p.field(PriceField.HIGH, 0, 1)).isEqualTo(12.0);
    assertThat(p.field(PriceField.LOW, 0, 1)).isEqualTo(10.0);
    assertThat(p.field(PriceField.CLOSE, 0, 1)).isEqualTo(11.0);
    assertThat(p.field(PriceField.VOLUME, 0, 1)).isEqualTo(200.0);
    // BBB has no adj_close: close is the trading price, open is raw
    assertThat(p.price(1, 0)).isEqualTo(19.5);
    assertThat(p.price(1, 1)).isEqualTo(20.5);
    assertThat(p.field(PriceField.OPEN, 1, 1)).isEqualTo(20.0);
  }

  @Test
  void parquetRowsAreSortedBySymbolThenDate() {
    Path csv =
        write(
            dir,
            "prices.csv",
            "symbol,date,close",
            "BBB,2024-01-03,2",
            "AAA,2024-01-03,1.5",
            "AAA,2024-01-02,1");
    Path out = dir.resolve("prices");
    Ingest.run(
        new IngestRequest(List.of(csv), CsvFormat.AUTO, RowFilter.ALL, out, WriteOptions.DEFAULT));
    PriceTable t = PriceParquetReader.read(out, RowFilter.ALL);
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(List.of(t.symbol(0), t.symbol(1), t.symbol(2))).containsExactly("AAA", "AAA", "BBB");
    assertThat(List.of(t.date(0), t.date(1), t.date(2))).containsExactly(D2, D3, D3);
    assertThat(t.value(PriceColumn.CLOSE, 1)).isEqualTo(1.5);
    assertThat(t.value(PriceColumn.OPEN, 1)).isNaN();
    assertThat(Files2.list(out)).containsExactly("part-00000.parquet");
  }

  @Test
  void wideCsvMakesOneCloseSeriesPerColumnAndEmptyCellsAreNoBar() {
    Path csv =
        write(
            dir,
            "closes.csv",
            "Date,AAA,BBB",
            "2024-01-02,10.5,",
            "2024-01-03,11,20.5",
            "2024-01-04,,21");
    MarketPanel p = ingestAndLoad(List.of(csv), CsvFormat.AUTO);

    assertThat(p.dates()).containsExactly(D2, D3, D4);
    assertThat(p.symbols()).containsExactly("AAA", "BBB");
    assertThat(p.price(0, 1)).isEqualTo(11.0);
    assertThat(p.price(0, 2)).isEqualTo(11.0); // carried
    assertThat(p.tradable(0, 2)).isFalse();
    assertThat(p.price(1, 0)).isNaN(); // before BBB's first bar
    assertThat(p.tradable(1, 0)).isFalse();
    assertThat(p.price(1, 2)).isEqualTo(21.0);
    assertThat(p.field(PriceField.OPEN, 1, 2)).isNaN();
  }

  @Test
  void yahooFilesInADirectoryTakeTheSymbolFromTheFileName() {
    Path yahoo = dir.resolve("yahoo");
    write(
        yahoo,
        "AAA.csv",
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "2024-01-02,10,11,9,10.5,10.5,100",
        "2024-01-03,10.5,12,10,11,10.8,200");
    write(
        yahoo,
        "BBB.csv",
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "2024-01-03,20,21,19,20.5,20.5,1000");
    MarketPanel p = ingestAndLoad(List.of(yahoo), CsvFormat.YAHOO);

    assertThat(p.symbols()).containsExactly("AAA", "BBB");
    assertThat(p.dates()).containsExactly(D2, D3);
    assertThat(p.price(0, 1)).isEqualTo(10.8);
    // 10.5 × 10.8 / 11 = 10.309090...
    assertThat(p.field(PriceField.OPEN, 0, 1)).isEqualTo(10.5 * (10.8 / 11));
    assertThat(p.field(PriceField.VOLUME, 1, 1)).isEqualTo(1000.0);
    assertThat(p.tradable(1, 0)).isFalse();
  }

  @Test
  void autoDetectsEachShapeAmongSeveralFiles() {
    Path longCsv = write(dir, "long.csv", "Ticker,Date,Close", "AAA,2024-01-02,1");
    Path wide = write(dir, "wide.csv", "date,BBB", "2024-01-02,2");
    Path yahoo = write(dir, "CCC.csv", "Date,Close", "2024-01-02 00:00:00,3");
    MarketPanel p = ingestAndLoad(List.of(longCsv, wide, yahoo), CsvFormat.AUTO);
    assertThat(p.symbols()).containsExactly("AAA", "BBB", "CCC");
    assertThat(new double[] {p.price(0, 0), p.price(1, 0), p.price(2, 0)}).containsExactly(1, 2, 3);
  }

  @Test
  void parquetInputCanBeSubsetBySymbolAndPeriodAndRepartitioned() {
    Path csv =
        write(
            dir,
            "prices.csv",
            "symbol,date,close",
            "AAA,2024-01-02,1",
            "AAA,2024-01-03,2",
            "AAA,2024-01-04,3",
            "BBB,2024-01-02,4",
            "BBB,2024-01-03,5",
            "CCC,2024-01-03,6",
            "CCC,2024-01-04,7");
    Path full = dir.resolve("full");
    Ingest.run(
        new IngestRequest(
            List.of(csv),
            CsvFormat.LONG,
            RowFilter.ALL,
            full,
            new WriteOptions(1, WriteMode.FAIL_IF_EXISTS)));
    // a file is closed at the first symbol boundary after 1 row: one file per symbol
    assertThat(Files2.list(full))
        .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");

    Path subset = dir.resolve("subset");
    PriceTable t =
        Ingest.run(
            new IngestRequest(
                List.of(full),
                CsvFormat.AUTO,
                new RowFilter(List.of("CCC", "AAA"), D3, D4),
                subset,
                WriteOptions.DEFAULT));
    assertThat(Files2.list(subset)).containsExactly("part-00000.parquet");
    assertThat(t.rowCount()).isEqualTo(4);
    MarketPanel p = PanelLoader.load(subset, PanelRequest.all());
    assertThat(p.symbols()).containsExactly("AAA", "CCC");
    assertThat(p.dates()).containsExactly(D3, D4);
    assertThat(new double[] {p.price(0, 0), p.price(0, 1), p.price(1, 0), p.price(1, 1)})
        .containsExactly(2, 3, 6, 7);
  }

  @Test
  void overwriteReplacesAnExistingTable() {
    Path out = dir.resolve("prices");
    Path a = write(dir, "a.csv", "symbol,date,close", "AAA,2024-01-02,1");
    Path b = write(dir, "b.csv", "symbol,date,close", "BBB,2024-01-02,2");
    Ingest.run(
        new IngestRequest(List.of(a), CsvFormat.LONG, RowFilter.ALL, out, WriteOptions.DEFAULT));
    Ingest.run(
        new IngestRequest(
            List.of(b),
            CsvFormat.LONG,
            RowFilter.ALL,
            out,
            WriteOptions.DEFAULT.withMode(WriteMode.OVERWRITE)));
    assertThat(PanelLoader.load(out, PanelRequest.all()).symbols()).containsExactly("BBB");
    assertThat(Files2.list(dir)).containsExactly("a.csv", "b.csv", "prices");
  }

  @Test
  void fieldsNotAskedForAreNotLoaded() {
    Path csv = write(dir, "p.csv", "symbol,date,open,close", "AAA,2024-01-02,1,1");
    Path out = dir.resolve("prices");
    Ingest.run(
        new IngestRequest(List.of(csv), CsvFormat.LONG, RowFilter.ALL, out, WriteOptions.DEFAULT));
    MarketPanel p =
        PanelLoader.load(out, new PanelRequest(List.of(), null, null, EnumSet.of(PriceField.OPEN)));
    assertThat(p.has(PriceField.OPEN)).isTrue();
    assertThat(p.has(PriceField.VOLUME)).isFalse();
  }
}
