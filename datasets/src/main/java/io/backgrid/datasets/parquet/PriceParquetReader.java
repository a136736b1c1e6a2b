package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceSchema;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.schema.SymbolRule;
import io.backgrid.datasets.validate.ProblemLog;
import io.backgrid.datasets.validate.Utf8Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;

/**
 * Reads a price table from a Parquet file or a directory of part files ({@code .parquet} files;
 * names starting with {@code _} or {@code .} skipped), ours or Spark's, local ({@link Path}) or any
 * Hadoop file system the classpath has ({@link URI}). Only the asked-for columns are read; a symbol
 * filter is pushed down to skip row groups.
 */
public final class PriceParquetReader {
  private PriceParquetReader() {}

  /**
   * Every row and column that passes the filter, as a table (in file order, not re-sorted).
   *
   * @throws io.backgrid.datasets.validate.ValidationException listing every schema problem, or
   *     every row with a missing or invalid symbol or date
   */
  public static PriceTable read(Path location, RowFilter filter) {
    return read(location.toAbsolutePath().toUri(), filter);
  }

  /**
   * As {@link #read(Path, RowFilter)} for a URI such as {@code hdfs://...} or {@code file:/...}.
   */
  public static PriceTable read(URI location, RowFilter filter) {
    PriceTable.Builder builder = PriceTable.builder();
    ProblemLog problems = new ProblemLog();
    scan(
        location,
        filter,
        EnumSet.allOf(PriceColumn.class),
        new RowSink() {
          private String symbol;

          @Override
          public void file(int source, String name) {
            builder.source(name);
          }

          @Override
          public void symbol(String s) {
            symbol = s;
          }

          @Override
          public void row(
              int source,
              long row,
              int day,
              double o,
              double h,
              double l,
              double c,
              double a,
              double v) {
            builder.addRow(source, row, symbol, day, o, h, l, c, a, v);
          }
        },
        HadoopFiles.conf(),
        problems);
    problems.throwIfAny();
    return builder.build();
  }

  /**
   * Streams the rows that pass the filter to a sink, without keeping them, reading through a given
   * Hadoop configuration (e.g. Spark's, with its filesystem settings and credentials for {@code
   * hdfs://} or {@code s3a://}); it is copied, not changed.
   *
   * <p>Every part's schema is checked first ({@link PartSchemas}); when one breaks a rule, a {@link
   * io.backgrid.datasets.validate.ValidationException} listing every such problem is thrown before
   * any row is read. A row whose symbol or date is null, or whose symbol breaks the {@link
   * SymbolRule}, is recorded in {@code problems} and not passed on; the caller decides when to
   * throw. Value columns are passed on unchecked.
   *
   * @param columns the value columns to read; the others arrive as {@code NaN}
   * @param problems where row problems go; source ids are the part files' ids
   * @return the number of rows passed to the sink
   */
  public static long scan(
      URI location,
      RowFilter filter,
      Set<PriceColumn> columns,
      RowSink sink,
      Configuration hadoop,
      ProblemLog problems) {
    Configuration conf = new Configuration(hadoop);
    Set<String> wanted = filter.allSymbols() ? null : new HashSet<>(filter.symbols());
    FilterCompat.Filter pushdown = pushdown(filter);
    int startDay = filter.startDay();
    int endDay = filter.endDay();
    long passed = 0;
    try {
      List<org.apache.hadoop.fs.Path> files = HadoopFiles.parquetFiles(location, conf);
      ProblemLog schemaProblems = new ProblemLog();
      PartSchemas.check(files, conf, schemaProblems);
      schemaProblems.throwIfAny(); // rows of a part with a wrong schema cannot be read reliably
      for (int source = 0; source < files.size(); source++) {
        org.apache.hadoop.fs.Path file = files.get(source);
        String name = file.getName();
        sink.file(source, name);
        try (ParquetReader<PriceRows> reader =
            new RowsReader(HadoopInputFile.fromPath(file, conf), columns)
                .withConf(conf)
                .withFilter(pushdown)
                .build()) {
          Binary lastSymbol = null;
          boolean keepSymbol = false;
          long row = 0;
          PriceRows rec;
          while ((rec = reader.read()) != null) {
            row++;
            Binary sym = rec.symbol;
            if (sym == null) {
              problems.add(
                  source, row, "Missing value in " + name + " row " + row + ": symbol (required)");
              lastSymbol = null;
              continue;
            }
            if (!sym.equals(lastSymbol)) {
              lastSymbol = sym.copy(); // the reader may reuse the bytes behind sym
              String symbol = symbol(lastSymbol, name, source, row, problems);
              keepSymbol = symbol != null && (wanted == null || wanted.contains(symbol));
              if (keepSymbol) {
                sink.symbol(symbol);
              }
            }
            if (!keepSymbol) {
              continue;
            }
            if (!rec.hasDate) {
              problems.add(
                  source,
                  row,
                  "Missing value in "
                      + name
                      + " row "
                      + row
                      + ": "
                      + lastSymbol.toStringUsingUTF8()
                      + " date (required)");
              continue;
            }
            int day = rec.date;
            if (day < startDay || day > endDay) {
              continue;
            }
            double[] v = rec.values;
            sink.row(
                source,
                row,
                day,
                v[PriceColumn.OPEN.ordinal()],
                v[PriceColumn.HIGH.ordinal()],
                v[PriceColumn.LOW.ordinal()],
                v[PriceColumn.CLOSE.ordinal()],
                v[PriceColumn.ADJ_CLOSE.ordinal()],
                v[PriceColumn.VOLUME.ordinal()]);
            passed++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read price data at " + location + ": " + e.getMessage(), e);
    }
    return passed;
  }

  /** The refusal of a row's symbol: where, the value as shown, the rule it breaks. */
  private static String invalidSymbol(String file, long row, String shown, String rule) {
    return "Invalid symbol in " + file + " row " + row + ": " + shown + " (" + rule + ")";
  }

  /**
   * A row's symbol as text, or null (recorded as a problem) when it is not UTF-8 or breaks the
   * {@link SymbolRule}. Called once per run of equal symbols, not per row.
   */
  private static String symbol(
      Binary value, String file, int source, long row, ProblemLog problems) {
    byte[] bytes = value.getBytes();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add(
          source,
          row,
          invalidSymbol(
              file, row, Utf8Text.describe(bytes, 0, bytes.length), "must be UTF-8 text"));
      return null;
    }
    String broken = SymbolRule.problem(text);
    if (broken != null) {
      problems.add(source, row, invalidSymbol(file, row, SymbolRule.quoted(text), broken));
      return null;
    }
    return text;
  }

  /** A reader of {@link PriceRows} from a file (Parquet's builder takes the read support so). */
  private static final class RowsReader extends ParquetReader.Builder<PriceRows> {
    private final Set<PriceColumn> columns;

    RowsReader(InputFile file, Set<PriceColumn> columns) {
      super(file);
      this.columns = columns;
    }

    @Override
    protected ReadSupport<PriceRows> getReadSupport() {
      return PriceRows.support(columns);
    }
  }

  private static FilterCompat.Filter pushdown(RowFilter filter) {
    if (filter.allSymbols()) {
      return FilterCompat.NOOP;
    }
    Set<Binary> symbols = new HashSet<>();
    for (String s : filter.symbols()) {
      symbols.add(Binary.fromString(s));
    }
    return FilterCompat.get(FilterApi.in(FilterApi.binaryColumn(PriceSchema.SYMBOL), symbols));
  }
}
