package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.spark.parquet.RowFileFilter;
import io.backgrid.spark.parquet.RowFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Assembles the next publication of a study from the rows an earlier run published (for the
 * configurations reused), the finished batches, the configs table, the equity paths of the selected
 * configurations and the runs table; every configuration comes from exactly one source, so each
 * table has one row per configuration (and date, sleeve, ...).
 *
 * <p>Files move or are copied whole; where a published file mixes configurations kept with ones
 * that leave (a grid that shrank, FAILED rows recomputed), its kept rows are copied on the driver
 * ({@link RowFileFilter}), and the equity paths of a new selection are simulated on the driver: a
 * publication starts no Spark job.
 */
final class Publisher {
  /** A file a task wrote for a batch: {@code part-<batch>-<partition>.parquet}. */
  private static final Pattern BATCH_FILE = Pattern.compile("part-(\\d+)-(\\d+)\\.parquet");

  private final Configuration conf;
  private final StudyOutput output;
  private final Path next;

  Publisher(Configuration conf, StudyOutput output, Path next) {
    this.conf = conf;
    this.output = output;
    this.next = next;
  }

  /**
   * The number past every batch number in the published tables' file names: the first batch of a
   * run, so that its files do not collide with the published ones a publication copies.
   */
  static int nextBatch(StudyOutput output) {
    int next = 0;
    for (Path f : ParquetColumns.parts(output.fs(), output.table(Tables.PORTFOLIO_METRICS))) {
      Matcher m = BATCH_FILE.matcher(f.getName());
      if (m.matches()) {
        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
      }
    }
    return next;
  }

  /**
   * Assembles a per-configuration table: the published rows of {@code reused}, then the batches'
   * files moved in as they are (see {@link BatchFiles}). A published file whose configurations are
   * all reused is copied byte for byte; one that also holds configurations that leave is filtered
   * (its kept rows, in their order, into a file of the same name). The batches must have been
   * unmarked first ({@link StudyOutput#unmarkDone}): their files leave the work area.
   */
  void perConfigTable(String table, Set<String> reused, List<Path> batches) {
    boolean any = false;
    if (!reused.isEmpty() && output.hasPublished(table)) {
      List<Path> mixed = new ArrayList<>();
      for (Path file : ParquetColumns.parts(output.fs(), output.table(table))) {
        if (file.getName().equals(MonthRows.FILE)) {
          continue; // rewritten by each publication for its equity selection
        }
        Set<String> ids = idsOf(table, file);
        long kept = ids.stream().filter(reused::contains).count();
        if (kept == ids.size() && kept > 0) {
          copy(file, new Path(new Path(next, table), file.getName()));
          any = true;
        } else if (kept > 0) {
          mixed.add(file);
        }
      }
      if (!mixed.isEmpty()) {
        filter(table, mixed, reused);
        any = true;
      }
    }
    BatchFiles files = output.files();
    for (Path batch : batches) {
      any |= files.moveInto(batch, table, next) > 0;
    }
    if (!any) {
      // an empty table that still has its schema
      RowFileWriter.create(
              new Path(new Path(next, table), "part-00000.parquet"), Tables.schema(table), conf)
          .close();
    }
    files.markSuccess(new Path(next, table));
  }

  /**
   * The configurations of a published file. All tables of one task attempt hold the same
   * configurations (a task writes every table of the configurations it simulated), so a batch
   * file's ids are those of the portfolio_metrics file of the same name; other files are read.
   */
  private Set<String> idsOf(String table, Path file) {
    Path metrics = new Path(output.table(Tables.PORTFOLIO_METRICS), file.getName());
    Path read = BATCH_FILE.matcher(file.getName()).matches() && exists(metrics) ? metrics : file;
    Set<String> ids = new HashSet<>();
    for (Object[] r : ParquetColumns.read(List.of(read), conf, "config_id")) {
      ids.add((String) r[0]);
    }
    return ids;
  }

  /**
   * Writes the rows of {@code files} whose configuration is in {@code ids}, each file into one of
   * the same name (a batch file keeps the name that ties it to its portfolio_metrics file, see
   * {@link #idsOf}), on the driver: one file streamed at a time, no Spark job.
   */
  private void filter(String table, List<Path> files, Set<String> ids) {
    for (Path file : files) {
      RowFileFilter.copy(
          file, new Path(new Path(next, table), file.getName()), "config_id", ids::contains, conf);
    }
  }

  /**
   * Writes the configs table from the driver, one row at a time into one file (no Spark job: the
   * rows are already on the driver, and shipping them made a task of the whole table).
   */
  void configs(Iterable<Object[]> rows, StructType schema) {
    Path table = new Path(next, Tables.CONFIGS);
    try (RowFileWriter writer =
        RowFileWriter.create(new Path(table, "part-00000.parquet"), schema, conf)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
    output.files().markSuccess(table);
  }

  /** The columns of the publication's portfolio_metrics, read from its files. */
  List<Object[]> metrics(String... columns) {
    return ParquetColumns.read(
        ParquetColumns.parts(output.fs(), new Path(next, Tables.PORTFOLIO_METRICS)), conf, columns);
  }

  /**
   * The equity paths of the selected configurations: the published ones when they are of exactly
   * these configurations (and {@code mayReuse}: same data), else simulated again with full detail
   * on the driver, from the panel it loaded, and written by our own writer into one file. A few
   * configurations' paths take milliseconds to simulate; a Spark job for them took seconds (and a
   * Spark start when nothing else needed one).
   */
  void equity(List<JobConfiguration> selected, MarketPanel panel, boolean mayReuse) {
    Set<String> ids = new HashSet<>();
    selected.forEach(c -> ids.add(c.configId()));
    Path table = new Path(next, Tables.EQUITY);
    if (mayReuse && output.hasPublished(Tables.EQUITY)) {
      List<Path> files =
          new ArrayList<>(ParquetColumns.parts(output.fs(), output.table(Tables.EQUITY)));
      Set<String> published = new HashSet<>();
      ParquetColumns.read(files, conf, "config_id").forEach(r -> published.add((String) r[0]));
      published.remove(DecisionTables.WALK_FORWARD_ID); // rewritten by DecisionStatistics
      files.removeIf(f -> f.getName().equals(DecisionTables.WALK_FORWARD_FILE));
      if (published.equals(ids) && !files.isEmpty()) {
        for (Path f : files) {
          copy(f, new Path(table, f.getName()));
        }
        output.files().markSuccess(table);
        return;
      }
    }
    Simulator simulator = selected.isEmpty() ? null : new Simulator(panel);
    try (RowFileWriter writer =
        RowFileWriter.create(new Path(table, "part-00000.parquet"), Tables.EQUITY_SCHEMA, conf)) {
      for (JobConfiguration c : selected) {
        ResultRows.equity(
            c.configId(), simulator.run(c.config(), Detail.FULL), r -> writer.write(values(r)));
      }
    }
    output.files().markSuccess(table);
  }

  /** A row's values for {@link RowFileWriter}: Spark's Scala maps as the Java maps they wrap. */
  private static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = row.get(i);
      values[i] =
          v instanceof scala.collection.Map<?, ?> m
              ? scala.jdk.javaapi.CollectionConverters.asJava(m)
              : v;
    }
    return values;
  }

  /** Writes the runs table from the driver: earlier runs (as read back) and this one. */
  void runs(List<Object[]> earlier, Tables.RunRow current) {
    Path table = new Path(next, Tables.RUNS);
    try (RowFileWriter writer =
        RowFileWriter.create(new Path(table, "part-00000.parquet"), Tables.RUNS_SCHEMA, conf)) {
      earlier.forEach(writer::write);
      writer.write(Tables.RUNS_TABLE.row(current));
    }
    output.files().markSuccess(table);
  }

  /** The code version: the jar's Implementation-Version, or "dev" when run from classes. */
  static String version() {
    String version = StudyJob.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private boolean exists(Path p) {
    try {
      return output.fs().exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + p + ": " + e.getMessage(), e);
    }
  }

  /** Copies a published file into the publication (the published tables stay as they are). */
  private void copy(Path from, Path to) {
    try {
      if (!FileUtil.copy(output.fs(), from, output.fs(), to, false, false, conf)) {
        throw new IOException("copy failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
