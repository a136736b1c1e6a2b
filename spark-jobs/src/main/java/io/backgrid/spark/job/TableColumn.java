package io.backgrid.spark.job;

import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a result table, described once: its name, Spark type, nullability, meaning (with
 * the unit; stored as the column's comment, which {@code DESCRIBE} shows) and how a row's value is
 * read from the row's source. A table's schema and its rows are both made from these descriptions
 * ({@link TableLayout}), so they cannot drift apart.
 *
 * @param <T> the source a row is read from (e.g. a configuration's result)
 * @param value the column's value for a source: a boxed primitive, {@code String}, {@code
 *     LocalDate}, {@code double[]}, {@link io.backgrid.spark.parquet.DoubleMap} or null
 */
public record TableColumn<T>(
    String name, DataType type, boolean nullable, String comment, Function<? super T, ?> value) {

  /** A column that may be NULL. */
  public static <T> TableColumn<T> of(
      String name, DataType type, String comment, Function<? super T, ?> value) {
    return new TableColumn<>(name, type, true, comment, value);
  }

  /** A column that is never NULL. */
  public static <T> TableColumn<T> required(
      String name, DataType type, String comment, Function<? super T, ?> value) {
    return new TableColumn<>(name, type, false, comment, value);
  }

  /** The Spark field: name, type, nullability and the comment as its {@code comment} metadata. */
  public StructField field() {
    return DataTypes.createStructField(name, type, nullable).withComment(comment);
  }

  /**
   * The same column read from a part of another source (e.g. a result's metrics); NULL where the
   * source has no such part (the part is null: a FAILED configuration has no metrics).
   */
  public <S> TableColumn<S> from(Function<? super S, ? extends T> part) {
    Function<? super T, ?> own = value;
    return new TableColumn<>(
        name,
        type,
        nullable,
        comment,
        s -> {
          T t = part.apply(s);
          return t == null ? null : own.apply(t);
        });
  }
}
