package io.backgrid.spark.job;

import io.backgrid.engine.stats.CalendarPeriods;
import io.backgrid.engine.stats.MonthReturn;
import io.backgrid.spark.parquet.RowFileWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The month rows of {@code period_returns}: the calendar months' returns of the configurations that
 * get an equity path (a month row per configuration of a large grid would be 12 rows a year each;
 * these are the few a study looks at). Computed on the driver from the publication's own {@code
 * equity} files (date and NAV, no Spark job) into one file of the table, {@value #FILE}, which each
 * publication writes anew (the publisher does not carry it over, as the selection may change).
 */
final class MonthRows {
  /** The file of the month rows in a publication's {@code period_returns}. */
  static final String FILE = "part-months.parquet";

  private MonthRows() {}

  /**
   * Writes the month rows of the configurations in the publication's equity table.
   *
   * @return the number of rows written
   */
  static long publish(StudyOutput output, Configuration conf, Path next) {
    Map<String, TreeMap<Integer, Double>> paths = new TreeMap<>();
    List<Path> files = ParquetColumns.parts(output.fs(), new Path(next, Tables.EQUITY));
    for (Object[] r : ParquetColumns.read(files, conf, "config_id", "date", "nav")) {
      if (r[2] != null) {
        paths
            .computeIfAbsent((String) r[0], k -> new TreeMap<>())
            .put((Integer) r[1], (Double) r[2]);
      }
    }
    long rows = 0;
    try (RowFileWriter writer =
        RowFileWriter.create(
            new Path(new Path(next, Tables.PERIOD_RETURNS), FILE),
            FigureTables.PERIOD_RETURNS_TABLE.schema(),
            conf)) {
      for (Map.Entry<String, TreeMap<Integer, Double>> e : paths.entrySet()) {
        for (MonthReturn m : months(e.getValue())) {
          writer.write(
              FigureTables.PERIOD_RETURNS_TABLE.row(FigureTables.PeriodRow.of(e.getKey(), m)));
          rows++;
        }
      }
    }
    return rows;
  }

  /** The months of one NAV path (epoch day → NAV, ascending); none with fewer than 2 dates. */
  static List<MonthReturn> months(TreeMap<Integer, Double> nav) {
    if (nav.size() < 2) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>();
    double[] values = new double[nav.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : nav.entrySet()) {
      dates.add(LocalDate.ofEpochDay(e.getKey()));
      values[i++] = e.getValue();
    }
    return CalendarPeriods.of(dates.toArray(LocalDate[]::new), values, 252, 0.0).months();
  }
}
