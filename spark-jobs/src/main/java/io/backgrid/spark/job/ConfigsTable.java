package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.Setting;
import io.backgrid.spark.config.SettingColumn;
import io.backgrid.spark.config.Settings;
import io.backgrid.spark.grid.CanonicalConfig;
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
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code configs} table: one row per configuration with its id; one typed column per study
 * setting, described in {@link Settings#ALL} (named after its path, {@code
 * rebalance.drift-threshold} → {@code rebalance_drift_threshold}; per-sleeve values as maps by
 * sleeve id; the sleeves' and the algorithm's parameters as maps of JSON text); {@code
 * rebalance_frequency_bars}, an order for frequencies; one typed column per grid axis on a
 * parameter or sleeve path ({@code sleeves.mom.params.lookback} → {@code
 * sleeves_mom_params_lookback}; NULL where the axis does not apply; an axis on a setting's own path
 * is that setting's column); and the canonical JSON. Every column carries its comment in the
 * schema, so {@code DESCRIBE} shows it.
 */
public final class ConfigsTable {
  private final StructType schema;

  /** The settings whose column each setting column holds, in column order. */
  private final List<Setting> settings;

  /** The axes with a column of their own (on a pattern path), in column order. */
  private final List<String> axes;

  private ConfigsTable(StructType schema, List<Setting> settings, List<String> axes) {
    this.schema = schema;
    this.settings = settings;
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
            .add(
                "config_id",
                StringType,
                false,
                "Id of the configuration: the first 16 hex digits of SHA-256 of canonical_json");
    List<Setting> settings = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Setting s : Settings.ALL) {
      SettingColumn c = s.column();
      if (names.add(c.name())) {
        settings.add(s);
        schema = schema.add(c.name(), type(c.type()), true, c.comment());
        if (s.path().equals(Settings.FREQUENCY)) {
          schema =
              schema.add(
                  FREQUENCY_BARS,
                  LongType,
                  true,
                  "Approximate bars between scheduled rebalances (daily 1, weekly 5, monthly 21,"
                      + " quarterly 63, yearly 252, every N bars N), to order frequencies; NULL"
                      + " for never");
        }
      }
    }
    List<String> own = new ArrayList<>();
    Map<String, DataType> types = types(axisList, axisValues, size);
    for (String axis : axisList) {
      if (Settings.fixedAt(axis) == null) {
        own.add(axis);
        schema =
            schema.add(
                column(axis),
                types.get(axis),
                true,
                "Grid axis "
                    + axis
                    + "; NULL where it does not apply (another algorithm's parameter)");
      }
    }
    return new ConfigsTable(
        schema.add(
            "canonical_json",
            StringType,
            false,
            "Every setting that affects the simulation, as canonical JSON (keys sorted)"),
        settings,
        own);
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
          private final CanonicalConfig.Writer json = new CanonicalConfig.Writer();
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
            StudyConfiguration c = configurations.apply(next++);
            return row(c, json.toJson(c.config()));
          }
        };
  }

  /** A configuration's row; {@code json} is its {@link StudyConfiguration#canonicalJson()}. */
  private Object[] row(StudyConfiguration c, String json) {
    PortfolioConfig p = c.config();
    Object[] values = new Object[schema.size()];
    int k = 0;
    values[k++] = c.configId();
    for (Setting s : settings) {
      values[k++] = s.columnValue(p);
      if (s.path().equals(Settings.FREQUENCY)) {
        values[k++] = bars(p.rebalancing().schedule());
      }
    }
    for (String axis : axes) {
      values[k++] = c.axisValues().get(axis);
    }
    values[k] = json;
    return values;
  }

  private static final String FREQUENCY_BARS = "rebalance_frequency_bars";

  /** {@link RebalanceSchedule#nominalBars()}, or null for never. */
  static Long bars(RebalanceSchedule s) {
    OptionalInt bars = s.nominalBars();
    return bars.isPresent() ? (long) bars.getAsInt() : null;
  }

  private static DataType type(SettingColumn.Type t) {
    return switch (t) {
      case STRING -> StringType;
      case BIGINT -> LongType;
      case DOUBLE -> DoubleType;
      case BOOLEAN -> BooleanType;
      case DATE -> DateType;
      case DOUBLE_BY_SLEEVE -> createMapType(StringType, DoubleType, false);
      case TEXT_BY_KEY -> createMapType(StringType, StringType, false);
    };
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
