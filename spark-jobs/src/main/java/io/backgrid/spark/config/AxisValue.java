package io.backgrid.spark.config;

/**
 * One value of a grid axis.
 *
 * @param value the value as a table column holds it, the same Java type for every value of one
 *     axis: {@code Long} (all whole numbers), {@code Double} (numbers), {@code Boolean}, {@code
 *     String}, {@code List<Double>} (weights, number lists) or {@code List<String>} (universes);
 *     values of mixed kinds become their text ({@code String})
 * @param typed the value the study template takes (see the field kinds in the template's javadoc);
 *     an opaque object for callers
 * @param where where it was written ({@code demo.conf line 31}), for messages
 */
public record AxisValue(Object value, Object typed, String where) {}
