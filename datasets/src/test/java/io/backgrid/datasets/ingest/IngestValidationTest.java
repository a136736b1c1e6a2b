package io.backgrid.datasets.ingest;

import static io.backgrid.datasets.testing.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.testing.Files2;
import io.backgrid.datasets.testing.RawParquet;
import io.backgrid.datasets.validate.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestValidationTest {
  private static final String HEADER = "symbol,date,open,high,low,close,adj_close,volume";

  @TempDir Path dir;

  /** Ingests bad.csv, expects exactly one problem, and checks nothing was written. */
  private void assertRefused(String message, String... lines) {
    Path csv = write(dir, "bad.csv", lines);
    Path out = dir.resolve("out");
    assertThatThrownBy(
            () ->
                Ingest.run(
                    new IngestRequest(
                        List.of(csv), CsvFormat.AUTO, RowFilter.ALL, out, WriteOptions.DEFAULT)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
    assertThat(Files2.list(dir)).containsExactly("bad.csv"); // no output, no temp directory
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          AAA,2024-13-01,,,,10,,  | Invalid date in bad.csv line 2: AAA date='2024-13-01' (expected yyyy-MM-dd)
          AAA,2024-01-02,,,,abc,, | Invalid number in bad.csv line 2: AAA 2024-01-02 close='abc' (expected a decimal number)
          AAA,2024-01-02,,,,-1,,  | Invalid price in bad.csv line 2: AAA 2024-01-02 close=-1.0 (must be > 0)
          AAA,2024-01-02,0,,,1,,  | Invalid price in bad.csv line 2: AAA 2024-01-02 open=0.0 (must be > 0)
          AAA,2024-01-02,,,,Infinity,, | Invalid price in bad.csv line 2: AAA 2024-01-02 close=Infinity (must be finite)
          AAA,2024-01-02,,,,NaN,, | Invalid price in bad.csv line 2: AAA 2024-01-02 close=NaN (must be finite)
          AAA,2024-01-02,,,,1,,-5 | Invalid volume in bad.csv line 2: AAA 2024-01-02 volume=-5.0 (must be finite and >= 0)
          AAA,2024-01-02,10,9,10,9.5,, | Invalid bar in bad.csv line 2: AAA 2024-01-02 high=9.0 < low=10.0 (high must be >= low)
          AAA,2024-01-02,10,11,10,12,, | Invalid bar in bad.csv line 2: AAA 2024-01-02 close=12.0 outside [low=10.0, high=11.0]
          AAA,2024-01-02,10,11,9,,,  | Missing value in bad.csv line 2: AAA 2024-01-02 close (required)
          ',2024-01-02,,,,1,,'       | Missing value in bad.csv line 2: symbol (required)
          AAA,,,,,1,,                | Missing value in bad.csv line 2: AAA date (required)
          AAA,2024-01-02,1            | Invalid row in bad.csv line 2: 3 fields (the header has 8)
          ' AAA,2024-01-02,,,,1,,'    | Invalid symbol in bad.csv line 2: ' AAA' (must not start or end with whitespace)
          'AAA\u00a0,2024-01-02,,,,1,,' | Invalid symbol in bad.csv line 2: 'AAA\u00a0' (must not start or end with whitespace)
          '"A\tB",2024-01-02,,,,1,,'  | Invalid symbol in bad.csv line 2: 'A\\u0009B' (must not contain control characters)
          """)
  void eachBadRowIsRefusedWithItsExactMessage(String row, String message) {
    assertRefused(message, HEADER, row);
  }

  @Test
  void aSymbolLongerThan64CharactersIsRefusedNotCut() {
    String symbol = "S".repeat(65);
    assertRefused(
        "Invalid symbol in bad.csv line 2: '" + "S".repeat(64) + "...' (65 characters, at most 64)",
        "symbol,date,close",
        symbol + ",2024-01-02,1");
  }

  @Test
  void aPaddedSymbolIsNotTrimmedIntoAnotherSymbol() {
    // before: ' AAA' became AAA, and its bar a duplicate of AAA's or a silent addition to it
    assertRefused(
        "Invalid symbol in bad.csv line 3: 'AAA ' (must not start or end with whitespace)",
        "symbol,date,close",
        "AAA,2024-01-02,1",
        "AAA ,2024-01-03,1");
  }

  @Test
  void aWideHeaderSymbolWithSpacesIsRefusedWithItsColumn() {
    assertRefused(
        "Invalid price data: 2 problems\n"
            + "  Invalid symbol in bad.csv line 1 column 2: ' AAA' (must not start or end with"
            + " whitespace)\n"
            + "  Invalid symbol in bad.csv line 1 column 3: 'BBB ' (must not start or end with"
            + " whitespace)",
        "Date, AAA,BBB ",
        "2024-01-02,1,2");
  }

  @Test
  void aYahooFileWhoseNameIsNoValidSymbolIsRefused() {
    Path csv =
        write(
            dir,
            "AAPL .csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2024-01-02,1,1,1,1,1,1");
    assertThatThrownBy(() -> Ingest.read(List.of(csv), CsvFormat.AUTO, RowFilter.ALL))
        .hasMessage(
            "Invalid symbol in AAPL .csv: 'AAPL ' (must not start or end with whitespace;"
                + " a yahoo-format file's symbol is its name without the extension)");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
    Path csv = dir.resolve("latin1.csv");
    Files.write(
        csv,
        "symbol,date,close\nAAA,2024-01-02,1\nSOCI\u00c9T\u00c9,2024-01-02,1\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Ingest.read(List.of(csv), CsvFormat.LONG, RowFilter.ALL))
        .hasMessage(
            "Invalid encoding in latin1.csv line 3: not UTF-8 at byte 0xC9 (save the file as"
                + " UTF-8)");
  }

  @Test
  void theLineOfABadByteFarIntoAFileIsExact() throws Exception {
    // past the readers' buffers (8 KiB, 64 KiB), with multi-byte characters before it
    StringBuilder text = new StringBuilder("symbol,date,close\n");
    for (int i = 0; i < 9_999; i++) {
      text.append("\u00c5").append(i).append(",2024-01-02,1\n"); // Å, 2 bytes in UTF-8
    }
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = "B\u00c9,2024-01-02,1\n".getBytes(StandardCharsets.ISO_8859_1);
    Path csv = dir.resolve("big.csv");
    Files.write(csv, good);
    Files.write(csv, bad, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Ingest.read(List.of(csv), CsvFormat.LONG, RowFilter.ALL))
        .hasMessage(
            "Invalid encoding in big.csv line 10001: not UTF-8 at byte 0xC9 (save the file as"
                + " UTF-8)");
  }

  @Test
  void aParquetInputPartWithoutASymbolColumnIsRefusedNotSkipped() {
    Path table = dir.resolve("table");
    RawParquet.write(
        table,
        "part-0.parquet",
        new String[] {RawParquet.SYMBOL, RawParquet.DATE, RawParquet.CLOSE},
        new Object[] {"AAA", 19723, 1.0});
    Path second =
        RawParquet.write(
            table,
            "part-1.parquet",
            new String[] {
              RawParquet.field("ticker", "\"string\""), RawParquet.DATE, RawParquet.CLOSE
            },
            new Object[] {"BBB", 19723, 1.0});
    assertThatThrownBy(
            () ->
                Ingest.read(
                    List.of(table),
                    CsvFormat.AUTO,
                    new RowFilter(List.of("AAA", "BBB"), null, null)))
        .hasMessage(
            "Invalid price table "
                + second
                + ": no column 'symbol' (columns: ticker, date, close);"
                + " every part must have the columns symbol, date, close");
  }

  @Test
  void duplicateSymbolDateNamesBothLines() {
    assertRefused(
        "Duplicate bar in bad.csv line 4: AAA 2024-01-02 (first at bad.csv line 2)",
        "symbol,date,close",
        "AAA,2024-01-02,1",
        "AAA,2024-01-03,1",
        "AAA,2024-01-02,2");
  }

  @Test
  void duplicatesAcrossFilesAreFound() {
    Path a = write(dir, "a.csv", "symbol,date,close", "AAA,2024-01-02,1");
    Path b = write(dir, "b.csv", "symbol,date,close", "AAA,2024-01-02,1");
    assertThatThrownBy(() -> Ingest.read(List.of(a, b), CsvFormat.LONG, RowFilter.ALL))
        .hasMessage("Duplicate bar in b.csv line 2: AAA 2024-01-02 (first at a.csv line 2)");
  }

  @Test
  void missingRequiredColumnIsAHeaderError() {
    assertRefused(
        "Invalid header in bad.csv: missing column 'close' (found: symbol, date, open)",
        "symbol,date,open",
        "AAA,2024-01-02,1");
  }

  @Test
  void wideBadDateAndNumberNameTheirCell() {
    assertRefused(
        "Invalid price data: 2 problems\n"
            + "  Invalid date in bad.csv line 2: date='02/01/2024' (expected yyyy-MM-dd)\n"
            + "  Invalid number in bad.csv line 3: BBB 2024-01-03 close='x' (expected a decimal"
            + " number)",
        "Date,AAA,BBB",
        "02/01/2024,1,2",
        "2024-01-03,1,x");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
    assertRefused(
        "Invalid price data: 3 problems\n"
            + "  Invalid price in bad.csv line 2: AAA 2024-01-02 close=-1.0 (must be > 0)\n"
            + "  Invalid date in bad.csv line 3: BBB date='x' (expected yyyy-MM-dd)\n"
            + "  Duplicate bar in bad.csv line 5: CCC 2024-01-02 (first at bad.csv line 4)",
        "symbol,date,close",
        "AAA,2024-01-02,-1",
        "BBB,x,1",
        "CCC,2024-01-02,1",
        "CCC,2024-01-02,1");
  }

  @Test
  void longListingsAreCappedAtFiftyWithACountOfTheRest() {
    List<String> lines = new ArrayList<>(List.of("symbol,date,close"));
    for (int i = 0; i < 60; i++) {
      lines.add("S" + i + ",2024-01-02,0");
    }
    Path csv = write(dir, "bad.csv", lines.toArray(new String[0]));
    assertThatThrownBy(() -> Ingest.read(List.of(csv), CsvFormat.LONG, RowFilter.ALL))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.problems()).hasSize(60);
              assertThat(e.getMessage())
                  .startsWith(
                      "Invalid price data: 60 problems\n"
                          + "  Invalid price in bad.csv line 2: S0 2024-01-02 close=0.0 (must be >"
                          + " 0)\n");
              assertThat(e.getMessage())
                  .endsWith("line 51: S49 2024-01-02 close=0.0 (must be > 0)\n  ... and 10 more");
            });
  }

  @Test
  void aMissingInputIsNamed() {
    Path nowhere = dir.resolve("nowhere.csv");
    assertThatThrownBy(() -> Ingest.read(List.of(nowhere), CsvFormat.AUTO, RowFilter.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read input " + nowhere + ": it does not exist");
  }

  @Test
  void rowsOutsideTheFilterAreNeitherKeptNorChecked() {
    Path csv = write(dir, "p.csv", "symbol,date,close", "AAA,2024-01-02,1", "BAD,2024-01-02,-1");
    assertThat(
            Ingest.read(List.of(csv), CsvFormat.LONG, new RowFilter(List.of("AAA"), null, null))
                .rowCount())
        .isEqualTo(1);
  }
}
