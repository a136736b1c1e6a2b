package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.spark.config.CanonicalText;
import io.backgrid.spark.config.LifecycleFields;
import io.backgrid.spark.config.Setting;
import io.backgrid.spark.config.SettingValues;
import io.backgrid.spark.config.Settings;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a configuration — every field that affects its simulation or its metrics —
 * and the {@code config_id} derived from it.
 *
 * <p>Shape (keys sorted at every level, no whitespace; sleeves and weights in run order):
 *
 * <pre>{@code
 * {"allocation":{"algorithm":"kelly","constraints":null,"lookback":63,"params":{"fraction":0.5},
 *   "weights":[0.25,0.25,0.25,0.25]},
 *  "capital":1000000,
 *  "costs":{"commission-bps":0,"commission-minimum":0,"commission-per-share":0,"slippage-bps":2},
 *  "execution":{"fill":"close","fractional-shares":false,"netting":true},
 *  "period":{"end":null,"start":"2005-01-03"},
 *  "rebalance":{"cooldown":0,"drift-threshold":null,"frequency":"monthly"},
 *  "risk-free":0,
 *  "sleeves":[{"id":"momentum","params":{"lookback":60,"top":2},"strategy":"momentum",
 *    "universe":["EQ01","EQ02"]}]}
 * }</pre>
 *
 * Conventions: {@code constraints} is null for none, else {@code {"max":[...],"min":[...]}} per
 * sleeve (null also when the bounds are [0, 1] for every sleeve); {@code exposure} is present only
 * when below 1; {@code lookback} is a number of bars, an ISO period ({@code "P3M"}, normalised so
 * 12 months is {@code "P1Y"}), or null for {@code fixed}, which reads none; {@code frequency} is
 * {@code never|daily|weekly|monthly|quarterly|yearly|every N bars}; {@code drift-threshold} null is
 * off; dates are ISO. Numbers: whole values (|x| &lt; 10^15) as integers, so 60 and 60.0 are the
 * same; others as the shortest decimal that reads back as the same double (computed with {@code
 * BigDecimal}, so identical on every JVM; see {@link CanonicalText}), {@code E} notation for very
 * small or large.
 *
 * <p>{@code config_id} = the first 16 hex digits (lower case) of SHA-256 over the JSON's UTF-8
 * bytes.
 */
public final class CanonicalConfig {
  /** The keys of each of {@link Settings#ALL}'s paths, split once (null where not canonical). */
  private static final String[][] KEYS = new String[Settings.ALL.size()][];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      Setting s = Settings.ALL.get(i);
      KEYS[i] = s.canonical() == null ? null : s.path().split("\\.");
    }
  }

  private CanonicalConfig() {}

  /**
   * The canonical JSON of a configuration: every {@link Settings#ALL setting} with a canonical
   * value at its path, the sleeves, the algorithm's parameters and the constraints.
   */
  public static String toJson(PortfolioConfig c) {
    return new Writer().toJson(c);
  }

  /**
   * Writes the canonical JSON of many configurations (a grid's), each sleeve's text once: the
   * configurations of a study share their {@link SleeveSpec} instances wherever the sleeves are
   * equal (see {@code PluginChecks}), and the sleeves are most of the text (their universes). The
   * text is the same as {@link CanonicalConfig#toJson}'s. Not thread-safe: one per thread.
   */
  public static final class Writer {
    /** Sleeves whose text is kept; more distinct ones than this (a grid over universes) restart. */
    private static final int SLEEVES_KEPT = 4_096;

    private final Map<SleeveSpec, String> sleeves = new IdentityHashMap<>();
    private final StringBuilder sb = new StringBuilder(2048);

    /** As {@link CanonicalConfig#toJson}. */
    public String toJson(PortfolioConfig c) {
      Map<String, Object> root = new TreeMap<>();
      for (int i = 0; i < KEYS.length; i++) {
        if (KEYS[i] != null) {
          put(root, KEYS[i], Settings.ALL.get(i).canonical().from(c));
        }
      }
      Rebalancing r = c.rebalancing();
      List<Object> min = SettingValues.bounds(c, true);
      put(
          root,
          CONSTRAINTS,
          min == null ? null : object("max", SettingValues.bounds(c, false), "min", min));
      double exposure = SettingValues.exposure(c);
      if (exposure != 1) {
        // written only when it limits, so the ids of configurations from before it existed hold
        put(root, EXPOSURE, exposure);
      }
      put(root, PARAMS, r.algorithmParams().asMap());
      if (!c.lifecycle().isEmpty()) {
        // written only when there are rules, so the ids of configurations from before them hold
        root.put(Settings.LIFECYCLE, LifecycleFields.canonical(c.lifecycle()));
      }
      root.put("sleeves", new CanonicalText.Raw(sleeves(c.sleeves())));
      sb.setLength(0);
      CanonicalText.write(sb, root);
      return sb.toString();
    }

    /** The sleeves' JSON array, from each sleeve's text. */
    private String sleeves(List<SleeveSpec> specs) {
      if (sleeves.size() > SLEEVES_KEPT) {
        sleeves.clear();
      }
      StringBuilder out = new StringBuilder(1024).append('[');
      for (int i = 0; i < specs.size(); i++) {
        out.append(i == 0 ? "" : ",").append(sleeves.computeIfAbsent(specs.get(i), Writer::sleeve));
      }
      return out.append(']').toString();
    }

    private static String sleeve(SleeveSpec s) {
      return CanonicalText.of(
          object(
              "id",
              s.id(),
              "params",
              s.params().asMap(),
              "strategy",
              s.strategy(),
              "universe",
              s.universe()));
    }
  }

  private static final String[] CONSTRAINTS = {"allocation", "constraints"};
  private static final String[] EXPOSURE = {"allocation", "exposure"};
  private static final String[] PARAMS = {"allocation", "params"};

  /** Puts a value at a dotted path, creating the objects on the way. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String[] keys, Object value) {
    Map<String, Object> o = root;
    for (int i = 0; i < keys.length - 1; i++) {
      o = (Map<String, Object>) o.computeIfAbsent(keys[i], k -> new TreeMap<String, Object>());
    }
    o.put(keys[keys.length - 1], value);
  }

  /** First 16 hex digits of SHA-256 of the JSON's UTF-8 bytes. */
  public static String configId(String canonicalJson) {
    return Sha256.prefixHex(canonicalJson);
  }

  private static Map<String, Object> object(Object... keyValues) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** The canonical text of a number (see the class javadoc). */
  static String number(double d) {
    return CanonicalText.number(d);
  }
}
