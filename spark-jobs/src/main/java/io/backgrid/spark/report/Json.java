package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The page's embedded data is a JSON tree; these build its parts. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Numbers rounded to {@code digits} significant digits; NaN as null. */
  static ArrayNode numbers(double[] values, int digits) {
    ArrayNode a = array();
    for (double v : values) {
      add(a, v, digits);
    }
    return a;
  }

  static void add(ArrayNode a, double v, int digits) {
    Double r = Format.round(v, digits);
    if (r == null) {
      a.addNull();
    } else {
      a.add(r);
    }
  }

  static void put(ObjectNode o, String key, double v, int digits) {
    Double r = Format.round(v, digits);
    if (r == null) {
      o.putNull(key);
    } else {
      o.put(key, r);
    }
  }

  /** Epoch days as ISO dates. */
  static ArrayNode dates(int[] days) {
    ArrayNode a = array();
    for (int d : days) {
      a.add(Format.date(d));
    }
    return a;
  }
}
