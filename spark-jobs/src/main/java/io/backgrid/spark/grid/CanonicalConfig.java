package io.backgrid.spark.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.spark.config.CanonicalText;
import io.backgrid.spark.config.Setting;
import io.backgrid.spark.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * sleeve; {@code lookback} is a number of bars, an ISO period ({@code "P3M"}, normalised so 12
 * months is {@code "P1Y"}), or null for {@code fixed}, which reads none; {@code frequency} is
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalConfig() {}

  /**
   * The canonical JSON of a configuration: every {@link Settings#ALL setting} with a canonical
   * value at its path, the sleeves, the algorithm's parameters and the constraints.
   */
  public static String toJson(PortfolioConfig c) {
    Map<String, Object> root = new TreeMap<>();
    for (Setting s : Settings.ALL) {
      if (s.canonical() != null) {
        put(root, s.path(), s.canonical().from(c));
      }
    }
    Rebalancing r = c.rebalancing();
    WeightConstraints wc = r.constraints();
    put(
        root,
        "allocation.constraints",
        wc == null ? null : object("max", list(wc.max()), "min", list(wc.min())));
    put(root, "allocation.params", r.algorithmParams().asMap());
    List<Object> sleeves = new ArrayList<>();
    for (SleeveSpec s : c.sleeves()) {
      sleeves.add(
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
    root.put("sleeves", sleeves);
    StringBuilder sb = new StringBuilder(512);
    CanonicalText.write(sb, root);
    return sb.toString();
  }

  /** Puts a value at a dotted path, creating the objects on the way. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, Object value) {
    Map<String, Object> o = root;
    String[] keys = path.split("\\.");
    for (int i = 0; i < keys.length - 1; i++) {
      o = (Map<String, Object>) o.computeIfAbsent(keys[i], k -> new TreeMap<String, Object>());
    }
    o.put(keys[keys.length - 1], value);
  }

  /** First 16 hex digits of SHA-256 of the JSON's UTF-8 bytes. */
  public static String configId(String canonicalJson) {
    return sha256(canonicalJson).substring(0, 16);
  }

  /** Full SHA-256 of the JSON's UTF-8 bytes, 64 lower-case hex digits. */
  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : d) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash configurations: SHA-256 is not available", e);
    }
  }

  /**
   * Rebuilds the engine configuration from its canonical JSON ({@code toJson(fromJson(j))} equals
   * {@code j}).
   *
   * @throws IllegalArgumentException for text that is not a canonical configuration
   */
  public static PortfolioConfig fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid canonical configuration: " + e.getOriginalMessage(), e);
    }
    JsonNode a = root.get("allocation");
    String algorithm = a.get("algorithm").asText();
    List<SleeveSpec> sleeves = new ArrayList<>();
    int i = 0;
    for (JsonNode s : root.get("sleeves")) {
      List<String> universe = new ArrayList<>();
      s.get("universe").forEach(u -> universe.add(u.asText()));
      sleeves.add(
          new SleeveSpec(
              s.get("id").asText(),
              s.get("strategy").asText(),
              universe,
              Params.of(params(s.get("params")), "study.sleeves[" + i++ + "].params")));
    }
    JsonNode lb = a.get("lookback");
    Lookback lookback =
        lb.isNull()
            ? Lookback.ofBars(1)
            : lb.isNumber()
                ? Lookback.ofBars(lb.asInt())
                : Lookback.ofPeriod(Period.parse(lb.asText()));
    JsonNode wc = a.get("constraints");
    WeightConstraints constraints =
        wc.isNull() ? null : new WeightConstraints(doubles(wc.get("min")), doubles(wc.get("max")));
    JsonNode rb = root.get("rebalance");
    JsonNode drift = rb.get("drift-threshold");
    Rebalancing rebalancing =
        Rebalancing.of(
                algorithm,
                Params.of(params(a.get("params")), "study.allocation." + algorithm),
                lookback,
                RebalanceSchedule.parse(rb.get("frequency").asText()))
            .withCooldown(rb.get("cooldown").asInt());
    if (!drift.isNull()) {
      rebalancing = rebalancing.withDriftThreshold(drift.asDouble());
    }
    if (constraints != null) {
      rebalancing = rebalancing.withConstraints(constraints);
    }
    JsonNode k = root.get("costs");
    JsonNode e = root.get("execution");
    Execution execution =
        Execution.at(FillPrice.parse(e.get("fill").asText()))
            .withFractionalShares(e.get("fractional-shares").asBoolean())
            .withNetting(e.get("netting").asBoolean())
            .withCosts(
                new CostModel(
                    k.get("commission-per-share").asDouble(),
                    k.get("commission-minimum").asDouble(),
                    k.get("commission-bps").asDouble(),
                    k.get("slippage-bps").asDouble()));
    JsonNode p = root.get("period");
    return new PortfolioConfig(
        root.get("capital").asDouble(),
        execution,
        sleeves,
        doubles(a.get("weights")),
        rebalancing,
        p.get("start").isNull() ? null : LocalDate.parse(p.get("start").asText()),
        p.get("end").isNull() ? null : LocalDate.parse(p.get("end").asText()),
        root.get("risk-free").asDouble());
  }

  private static Map<String, Object> params(JsonNode o) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : o.properties()) {
      out.put(f.getKey(), plain(f.getValue()));
    }
    return out;
  }

  private static Object plain(JsonNode n) {
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isNumber()) {
      return n.isIntegralNumber() ? (Object) n.asLong() : (Object) n.asDouble();
    }
    return n.asText();
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static Map<String, Object> object(Object... keyValues) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static List<Object> list(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /** The canonical text of a number (see the class javadoc). */
  static String number(double d) {
    return CanonicalText.number(d);
  }
}
