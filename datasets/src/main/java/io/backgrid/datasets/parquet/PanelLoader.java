package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.validate.BarChecker;
import io.backgrid.datasets.validate.ProblemLog;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.market.PriceField;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a price table into the engine's dense {@link MarketPanel}.
 *
 * <ul>
 *   <li><b>Calendar</b>: the union of every loaded symbol's dates in the period, ascending.
 *   <li><b>Trading price</b> per row: adj_close when present, close otherwise. On a date where a
 *       symbol has no row it is not tradable and its last price carries (the panel's policy);
 *       before its first row in the period its price is {@code NaN}.
 *   <li><b>Fields</b>: {@code OPEN} = open × adj_close / close (open × 1 without adj_close); {@code
 *       HIGH}, {@code LOW}, {@code CLOSE}, {@code VOLUME} raw; {@code NaN} where null.
 * </ul>
 *
 * <p>Rows are streamed into per-symbol primitive arrays; no per-row object is kept. Files need not
 * be sorted. The table is held to the rules {@code ingest} applies, for the symbols and period
 * loaded: every part's schema ({@link PriceParquetReader#scan}), a valid symbol and date in every
 * row, every bar's rules ({@link BarChecker}: close present, prices finite and &gt; 0, high &gt;=
 * low, ...) and one bar per (symbol, date) across all parts. Every problem is reported at once in a
 * {@link io.backgrid.datasets.validate.ValidationException} naming file, row, symbol and date.
 */
public final class PanelLoader {
  private PanelLoader() {}

  /** Loads from a local file or directory. */
  public static MarketPanel load(Path location, PanelRequest request) {
    return load(location.toAbsolutePath().toUri(), request);
  }

  /**
   * Loads from a URI.
   *
   * @throws IllegalArgumentException naming the symbol when a requested symbol is not in the data
   *     or has no bar in the period
   */
  public static MarketPanel load(URI location, PanelRequest request) {
    return load(location, request, HadoopFiles.conf());
  }

  /**
   * Loads from a URI through a given Hadoop configuration (e.g. Spark's, so that its filesystem
   * settings and credentials apply).
   */
  public static MarketPanel load(
      URI location, PanelRequest request, org.apache.hadoop.conf.Configuration hadoop) {
    PriceField[] fields = request.fields().toArray(new PriceField[0]);
    Arrays.sort(fields);
    Collector collector = new Collector(fields.length + 1, fields);
    // every column, not only the requested ones: the bar rules (high >= low, ...) need them all
    PriceParquetReader.scan(
        location,
        request.filter(),
        EnumSet.allOf(PriceColumn.class),
        collector,
        hadoop,
        collector.problems);
    collector.problems.throwIfAny();

    List<String> symbols = new ArrayList<>();
    if (request.symbols().isEmpty()) {
      for (Map.Entry<String, SeriesBuffer> e : collector.series.entrySet()) {
        if (e.getValue().size > 0) {
          symbols.add(e.getKey());
        }
      }
      symbols.sort(null);
    } else {
      for (String s : request.symbols()) {
        SeriesBuffer b = collector.series.get(s);
        if (b == null) {
          throw new IllegalArgumentException(
              "Unknown symbol '" + s + "': the price data at " + location + " have no rows for it");
        }
        if (b.size == 0) {
          throw new IllegalArgumentException(
              "Cannot load symbol '"
                  + s
                  + "': no bar in the period "
                  + request.start()
                  + " .. "
                  + request.end());
        }
        symbols.add(s);
      }
    }
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot load a panel from "
              + location
              + ": no price rows in the period "
              + request.start()
              + " .. "
              + request.end());
    }
    return build(symbols, collector, fields, location);
  }

  private static MarketPanel build(
      List<String> symbols, Collector c, PriceField[] fields, URI location) {
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    for (String s : symbols) {
      SeriesBuffer b = c.series.get(s);
      for (int i = 0; i < b.size; i++) {
        minDay = Math.min(minDay, b.days[i]);
        maxDay = Math.max(maxDay, b.days[i]);
      }
    }
    int span = maxDay - minDay + 1;
    int[] barOfDay = new int[span];
    for (String s : symbols) {
      SeriesBuffer b = c.series.get(s);
      for (int i = 0; i < b.size; i++) {
        barOfDay[b.days[i] - minDay] = 1;
      }
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int d = 0; d < span; d++) {
      if (barOfDay[d] != 0) {
        barOfDay[d] = dates.size();
        dates.add(LocalDate.ofEpochDay(minDay + d));
      } else {
        barOfDay[d] = -1;
      }
    }
    int n = dates.size();
    MarketPanelBuilder builder = MarketPanel.builder(dates, symbols);
    double[][] dense = new double[fields.length + 1][n];
    for (int s = 0; s < symbols.size(); s++) {
      SeriesBuffer b = c.series.get(symbols.get(s));
      for (double[] column : dense) {
        Arrays.fill(column, Double.NaN);
      }
      for (int i = 0; i < b.size; i++) {
        int bar = barOfDay[b.days[i] - minDay];
        if (!Double.isNaN(dense[0][bar])) {
          int first = 0; // the error path may search: it ends the load
          while (b.days[first] != b.days[i]) {
            first++;
          }
          c.bars.file(b.source[i], c.fileNames.get(b.source[i]));
          c.bars.symbol(symbols.get(s));
          c.bars.duplicate(
              b.row[i], b.days[i], c.fileNames.get(b.source[first]) + " row " + b.row[first]);
          continue;
        }
        for (int k = 0; k < dense.length; k++) {
          dense[k][bar] = b.values[k][i];
        }
      }
      builder.price(s, dense[0]);
      for (int k = 0; k < fields.length; k++) {
        builder.field(fields[k], s, dense[k + 1]);
      }
      c.series.put(symbols.get(s), null); // let the buffer go before the next symbol's arrays
    }
    c.problems.throwIfAny();
    return builder.build();
  }

  /** Streams rows into per-symbol buffers, checking every bar on the way. */
  private static final class Collector implements RowSink {
    final Map<String, SeriesBuffer> series = new HashMap<>();
    final List<String> fileNames = new ArrayList<>();
    final ProblemLog problems = new ProblemLog();
    final BarChecker bars = new BarChecker(problems, "row");
    private final int columns;
    private final PriceField[] fields;
    private SeriesBuffer current;

    Collector(int columns, PriceField[] fields) {
      this.columns = columns;
      this.fields = fields;
    }

    @Override
    public void file(int source, String name) {
      fileNames.add(name);
      bars.file(source, name);
    }

    @Override
    public void symbol(String s) {
      bars.symbol(s);
      current = series.computeIfAbsent(s, k -> new SeriesBuffer(columns));
    }

    @Override
    public void row(
        int source,
        long row,
        int day,
        double open,
        double high,
        double low,
        double close,
        double adj,
        double volume) {
      if (!bars.check(row, day, open, high, low, close, adj, volume)) {
        return;
      }
      SeriesBuffer b = current;
      int i = b.size;
      b.add(day, source, row);
      b.values[0][i] = Double.isNaN(adj) ? close : adj;
      for (int k = 0; k < fields.length; k++) {
        double v;
        switch (fields[k]) {
          case OPEN -> v = Double.isNaN(adj) ? open : open * (adj / close);
          case HIGH -> v = high;
          case LOW -> v = low;
          case CLOSE -> v = close;
          default -> v = volume;
        }
        b.values[k + 1][i] = v;
      }
    }
  }
}
