package io.backgrid.datasets.parquet;

import io.backgrid.datasets.synthetic.SyntheticMarket;
import io.backgrid.engine.market.MarketPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Manual benchmark, not a test: generates a 500-symbol × 5,000-day table (once, into the given
 * directory) and times loading it into a panel, trading price only and with every field.
 *
 * <pre>
 * java -cp datasets/target/test-classes:datasets/target/classes:&lt;runtime classpath&gt; \
 *   io.backgrid.datasets.parquet.PanelLoadBenchmark /tmp/bench-500x5000
 * </pre>
 */
public final class PanelLoadBenchmark {
  private PanelLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path table = Path.of(args.length > 0 ? args[0] : "/tmp/bench-500x5000");
    if (!Files.exists(table)) {
      long t0 = System.nanoTime();
      long rows =
          new SyntheticMarket(1, 400, 50, 49, LocalDate.of(2000, 1, 3), 5000, 0, 0)
              .write(table, WriteOptions.DEFAULT);
      System.out.printf("generated %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }
    for (PanelRequest request : new PanelRequest[] {PanelRequest.all(), PanelRequest.allFields()}) {
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        MarketPanel p = PanelLoader.load(table, request);
        double s = (System.nanoTime() - t0) / 1e9;
        long rows = (long) p.symbolCount() * p.barCount();
        System.out.printf("%s fields=%s: %.2f s, %,.0f rows/s%n", p, request.fields(), s, rows / s);
      }
    }
  }
}
