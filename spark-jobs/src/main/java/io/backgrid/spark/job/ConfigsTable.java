package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.grid.GridPlan;
import io.backgrid.spark.grid.StudyConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code configs} table: one row per configuration with its id, the core settings as columns
 * (algorithm, weights, rebalance_frequency, lookback, fill, netting, fractional_shares, start,
 * end), every grid axis as a typed column named after its path ({@code allocation.kelly.fraction} →
 * {@code allocation_kelly_fraction}; NULL where the axis does not apply), and the canonical JSON.
 */
public final class ConfigsTable {
  private final StructType schema;
  private final List<String> axes;

  private ConfigsTable(StructType schema, List<String> axes) {
    this.schema = schema;
    this.axes = axes;
  }

  /** The table's schema for a study's configurations. */
  public static ConfigsTable of(List<StudyConfiguration> configurations) {
    Set<String> axes = new LinkedHashSet<>();
    for (StudyConfiguration c : configurations) {
      axes.addAll(c.axisValues().keySet());
    }
    return of(
        new ArrayList<>(axes), i -> configurations.get(i).axisValues(), configurations.size());
  }

  /**
   * The table's schema for a planned grid's configurations (an axis's type is that of its first
   * value in the grid that is not null: usually the first configuration's, found without building
   * any configuration).
   */
  public static ConfigsTable of(GridPlan plan) {
    return of(plan.axes(), plan::axisValues, plan.size());
  }

  private static ConfigsTable of(
      List<String> axisList, IntFunction<Map<String, Object>> axisValues, int size) {
    StructType schema =
        new StructType()
            .add("config_id", StringType, false)
            .add("algorithm", StringType, false)
            .add("weights", createArrayType(DoubleType, false), false)
            .add("rebalance_frequency", StringType, false)
            .add("lookback", StringType, true)
            .add("fill", StringType, false)
            .add("netting", BooleanType, false)
            .add("fractional_shares", BooleanType, false)
            .add("start", org.apache.spark.sql.types.DataTypes.DateType, true)
            .add("end", org.apache.spark.sql.types.DataTypes.DateType, true);
    Map<String, DataType> types = types(axisList, axisValues, size);
    for (String axis : axisList) {
      String column = column(axis);
      if (List.of(schema.fieldNames()).contains(column)) {
        column = "axis_" + column;
      }
      schema = schema.add(column, types.get(axis), true);
    }
    return new ConfigsTable(schema.add("canonical_json", StringType, false), axisList);
  }

  public StructType schema() {
    return schema;
  }

  /**
   * The rows, one per configuration, in the schema's column order: made one at a time as they are
   * iterated (each holds the configuration's canonical JSON, ~1 KB), so the table is never held
   * whole — on a 100,000-configuration study it would be ~140 MB on the driver.
   */
  public Iterable<Object[]> rows(List<StudyConfiguration> configurations) {
    return rows(configurations::get, configurations.size());
  }

  /** As {@link #rows(List)}, each configuration built from the plan as its row is made. */
  public Iterable<Object[]> rows(GridPlan plan) {
    return rows(plan::configuration, plan.size());
  }

  private Iterable<Object[]> rows(IntFunction<StudyConfiguration> configurations, int size) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Object[] next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return row(configurations.apply(next++));
          }
        };
  }

  private Object[] row(StudyConfiguration c) {
    PortfolioConfig p = c.config();
    Object[] values = new Object[schema.size()];
    int k = 0;
    values[k++] = c.configId();
    values[k++] = p.rebalancing().algorithm();
    values[k++] = p.weights();
    values[k++] = p.rebalancing().schedule().toString();
    values[k++] =
        io.backgrid.engine.allocation.AllocationRegistry.traits(p.rebalancing().algorithm())
                .readsLookback()
            ? p.rebalancing().lookback().toString()
            : null;
    values[k++] = p.execution().fill().key();
    values[k++] = p.execution().netting();
    values[k++] = p.execution().fractionalShares();
    values[k++] = p.start();
    values[k++] = p.end();
    for (String axis : axes) {
      values[k++] = c.axisValues().get(axis);
    }
    values[k] = c.canonicalJson();
    return values;
  }

  /** {@code allocation.kelly.fraction} → {@code allocation_kelly_fraction}. */
  static String column(String axis) {
    return axis.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  /**
   * Each axis's column type: that of its first non-null value in the configurations' order, else
   * string.
   */
  private static Map<String, DataType> types(
      List<String> axes, IntFunction<Map<String, Object>> axisValues, int size) {
    Map<String, DataType> types = new HashMap<>();
    for (int i = 0; i < size && types.size() < axes.size(); i++) {
      Map<String, Object> values = axisValues.apply(i);
      for (String axis : axes) {
        Object v = values.get(axis);
        if (v != null && !types.containsKey(axis)) {
          types.put(axis, type(v));
        }
      }
    }
    for (String axis : axes) {
      types.putIfAbsent(axis, StringType);
    }
    return types;
  }

  private static DataType type(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return LongType;
    } else if (v instanceof Number) {
      return DoubleType;
    } else if (v instanceof Boolean) {
      return BooleanType;
    } else if (v instanceof List<?> list) {
      return createArrayType(
          !list.isEmpty() && list.get(0) instanceof String ? StringType : DoubleType, true);
    }
    return StringType;
  }
}
