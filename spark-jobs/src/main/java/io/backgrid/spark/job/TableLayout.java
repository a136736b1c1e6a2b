package io.backgrid.spark.job;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A result table's columns in order ({@link TableColumn}): its schema, and its rows read from
 * sources column by column. An undefined metric (a NaN double) becomes SQL NULL, so that {@code
 * ORDER BY sharpe DESC} puts it last instead of first.
 *
 * @param <T> the source of one row
 */
public final class TableLayout<T> {
  private final String name;
  private final List<TableColumn<T>> columns;
  private final StructType schema;
  private final Function<? super T, ?>[] values;

  @SuppressWarnings("unchecked")
  TableLayout(String name, List<TableColumn<T>> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
    StructField[] fields = new StructField[columns.size()];
    this.values = new Function[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = columns.get(i).field();
      values[i] = columns.get(i).value();
    }
    this.schema = new StructType(fields);
  }

  /** The table's name. */
  public String name() {
    return name;
  }

  /** The columns, in table order. */
  public List<TableColumn<T>> columns() {
    return columns;
  }

  /** The Spark schema, each field carrying its column's comment. */
  public StructType schema() {
    return schema;
  }

  /** One row: every column's value for the source, in column order, NaN as null. */
  Object[] row(T source) {
    Object[] row = new Object[values.length];
    for (int i = 0; i < row.length; i++) {
      Object v = values[i].apply(source);
      row[i] = v instanceof Double d && d.isNaN() ? null : v;
    }
    return row;
  }
}
