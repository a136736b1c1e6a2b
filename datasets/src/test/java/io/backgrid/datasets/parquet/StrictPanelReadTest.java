package io.backgrid.datasets.parquet;

import static io.backgrid.datasets.testing.RawParquet.CLOSE;
import static io.backgrid.datasets.testing.RawParquet.DATE;
import static io.backgrid.datasets.testing.RawParquet.NULLABLE_SYMBOL;
import static io.backgrid.datasets.testing.RawParquet.SYMBOL;
import static io.backgrid.datasets.testing.RawParquet.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.testing.RawParquet;
import io.backgrid.datasets.validate.ValidationException;
import io.backgrid.engine.market.MarketPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} reads a price table as strictly as {@code ingest}: nothing skipped, nothing misread.
 */
class StrictPanelReadTest {
  private static final double NA = Double.NaN;
  private static final int JAN1 = (int) LocalDate.of(2024, 1, 1).toEpochDay();
  private static final String[] SDC = {SYMBOL, DATE, CLOSE};

  /** What the study job asks for: named symbols, so the reader pushes a symbol filter down. */
  private static final PanelRequest AAA_BBB =
      new PanelRequest(List.of("AAA", "BBB"), null, null, Set.of());

  @TempDir Path dir;

  private Path table() {
    return dir.resolve("t");
  }

  @Test
  void aPartWithoutASymbolColumnIsRefusedNotSkipped() {
    RawParquet.write(table(), "part-0.parquet", SDC, new Object[] {"AAA", JAN1, 10.0});
    Path second =
        RawParquet.write(
            table(),
            "part-1.parquet",
            new String[] {field("ticker", "\"string\""), DATE, CLOSE},
            new Object[] {"BBB", JAN1, 20.0});
    String message =
        "Invalid price table "
            + second
            + ": no column 'symbol' (columns: ticker, date, close);"
            + " every part must have the columns symbol, date, close";
    assertThatThrownBy(() -> PanelLoader.load(table(), AAA_BBB))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> PanelLoader.load(table(), PanelRequest.all())).hasMessage(message);
  }

  @Test
  void aWrongColumnTypeIsOneLineNamingFileColumnAndBothTypes() {
    Path part =
        RawParquet.write(
            table(),
            "part-0.parquet",
            new String[] {SYMBOL, field("date", "\"string\""), CLOSE, field("volume", "\"long\"")},
            new Object[] {"AAA", "2024-01-01", 10.0, 5L});
    assertThatThrownBy(() -> PanelLoader.load(table(), AAA_BBB))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid price data: 2 problems\n"
                + "  Invalid price table "
                + part
                + ": column 'date' is BINARY (STRING), expected INT32 (DATE)\n"
                + "  Invalid price table "
                + part
                + ": column 'volume' is INT64, expected DOUBLE");
  }

  @Test
  void partsWithDifferentPriceColumnsAreRefused() {
    Path first =
        RawParquet.write(
            table(),
            "part-0.parquet",
            new String[] {SYMBOL, DATE, CLOSE, field("adj_close", "\"double\"")},
            new Object[] {"AAA", JAN1, 10.0, 9.0});
    Path second =
        RawParquet.write(table(), "part-1.parquet", SDC, new Object[] {"BBB", JAN1, 20.0});
    assertThatThrownBy(() -> PanelLoader.load(table(), AAA_BBB))
        .hasMessage(
            "Invalid price table "
                + second
                + ": its price columns (symbol, date, close) differ from "
                + first
                + "'s (symbol, date, close, adj_close); every part must have the same price"
                + " columns");
  }

  @Test
  void everyBarRuleOfIngestAppliesEvenToColumnsNotLoaded() {
    PriceTable.Builder b = PriceTable.builder();
    int src = b.source("t");
    b.addRow(src, 1, "AAA", JAN1, NA, 11, 9, 10, NA, NA);
    b.addRow(src, 2, "AAA", JAN1 + 1, NA, 9, 10, 9.5, NA, NA);
    b.addRow(src, 3, "AAA", JAN1 + 2, 0, NA, NA, 10, NA, NA);
    b.addRow(src, 4, "BBB", JAN1, NA, NA, NA, 10, NA, -5);
    PriceParquetWriter.write(b.build(), table(), WriteOptions.DEFAULT);
    assertThatThrownBy(
            () -> PanelLoader.load(table(), AAA_BBB)) // asks for no open, high, low or volume
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid price data: 3 problems\n"
                + "  Invalid bar in part-00000.parquet row 2: AAA 2024-01-02 high=9.0 < low=10.0"
                + " (high must be >= low)\n"
                + "  Invalid price in part-00000.parquet row 3: AAA 2024-01-03 open=0.0 (must be >"
                + " 0)\n"
                + "  Invalid volume in part-00000.parquet row 4: BBB 2024-01-01 volume=-5.0 (must"
                + " be finite and >= 0)");
  }

  @Test
  void nullKeysAndACloseAreReportedWithTheirRow() {
    RawParquet.write(
        table(),
        "part-0.parquet",
        new String[] {
          NULLABLE_SYMBOL,
          field("date", "[\"null\",{\"type\":\"int\",\"logicalType\":\"date\"}]"),
          field("close", "[\"null\",\"double\"]")
        },
        new Object[] {"AAA", JAN1, 10.0},
        new Object[] {null, JAN1, 10.0},
        new Object[] {"AAA", null, 10.0},
        new Object[] {"AAA", JAN1 + 1, null});
    assertThatThrownBy(() -> PanelLoader.load(table(), PanelRequest.all()))
        .hasMessage(
            "Invalid price data: 3 problems\n"
                + "  Missing value in part-0.parquet row 2: symbol (required)\n"
                + "  Missing value in part-0.parquet row 3: AAA date (required)\n"
                + "  Missing value in part-0.parquet row 4: AAA 2024-01-02 close (required)");
  }

  @Test
  void aSymbolIsNeverTrimmedOrRepairedIntoAnother() {
    String long65 = "X".repeat(65);
    RawParquet.write(
        table(),
        "part-0.parquet",
        SDC,
        new Object[] {"AAA", JAN1, 10.0},
        new Object[] {"AAA ", JAN1, 11.0},
        new Object[] {long65, JAN1, 12.0},
        new Object[] {"", JAN1, 13.0},
        new Object[] {new Utf8(new byte[] {'A', (byte) 0xE9}), JAN1, 14.0});
    assertThatThrownBy(() -> PanelLoader.load(table(), PanelRequest.all()))
        .hasMessage(
            "Invalid price data: 4 problems\n"
                + "  Invalid symbol in part-0.parquet row 2: 'AAA ' (must not start or end with"
                + " whitespace)\n"
                + "  Invalid symbol in part-0.parquet row 3: '"
                + "X".repeat(64)
                + "...' (65 characters, at most 64)\n"
                + "  Invalid symbol in part-0.parquet row 4: '' (must not be empty)\n"
                + "  Invalid symbol in part-0.parquet row 5: bytes 0x41 0xE9 (must be UTF-8 text)");
  }

  @Test
  void duplicatesAcrossPartsNameBothRows() {
    RawParquet.write(
        table(),
        "part-0.parquet",
        SDC,
        new Object[] {"AAA", JAN1, 10.0},
        new Object[] {"AAA", JAN1 + 1, 10.0});
    RawParquet.write(
        table(),
        "part-1.parquet",
        SDC,
        new Object[] {"BBB", JAN1, 10.0},
        new Object[] {"AAA", JAN1 + 1, 10.0});
    assertThatThrownBy(() -> PanelLoader.load(table(), AAA_BBB))
        .hasMessage(
            "Duplicate bar in part-1.parquet row 2: AAA 2024-01-02 (first at part-0.parquet row"
                + " 2)");
  }

  @Test
  void aFileThatIsNotParquetIsNamed() throws Exception {
    RawParquet.write(table(), "part-0.parquet", SDC, new Object[] {"AAA", JAN1, 10.0});
    Path junk = Files.writeString(table().resolve("part-1.parquet"), "symbol,date,close\n");
    assertThatThrownBy(() -> PanelLoader.load(table(), AAA_BBB))
        .hasMessageStartingWith("Invalid price table " + junk + ": not a readable Parquet file (");
  }

  @Test
  void aTableOfAnotherWriterWithOnlyTheRequiredColumnsLoads() {
    RawParquet.write(
        table(),
        "part-0.parquet",
        new String[] {SYMBOL, DATE, CLOSE, field("note", "\"string\"")},
        new Object[] {"AAA", JAN1, 10.0, "x"});
    RawParquet.write(
        table(),
        "part-1.parquet",
        new String[] {SYMBOL, DATE, CLOSE, field("note", "\"long\"")},
        new Object[] {"BBB", JAN1 + 1, 20.0, 1L});
    MarketPanel p = PanelLoader.load(table(), AAA_BBB);
    assertThat(p.symbols()).containsExactly("AAA", "BBB");
    assertThat(p.price(1, 1)).isEqualTo(20.0);
  }
}
