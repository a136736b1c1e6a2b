package io.backgrid.datasets.signals;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a weights file is read for: one sleeve and the price data it runs on.
 *
 * @param sleeve the value of the file's {@code sleeve} column to take (the sleeve's id, or its
 *     {@code params.sleeve}); ignored when the file has no such column
 * @param universe the sleeve's symbols, in slot order
 * @param shorts whether negative weights are allowed ({@code params.shorts})
 * @param dataDates the price data's trading days, ascending
 * @param dataSymbols the price data's symbols
 * @param sleeveColumnValues filled by the reader: the sleeve-column values met, for messages
 */
public record WeightRequest(
    String sleeve,
    List<String> universe,
    boolean shorts,
    List<LocalDate> dataDates,
    Set<String> dataSymbols,
    Set<String> sleeveColumnValues) {

  public WeightRequest {
    Objects.requireNonNull(sleeve, "sleeve");
    universe = List.copyOf(universe);
    dataDates = List.copyOf(dataDates);
    if (dataDates.isEmpty()) {
      throw new IllegalArgumentException("Cannot read weights: the price data have no dates");
    }
  }

  /** A request; the reader records the sleeve-column values it meets. */
  public static WeightRequest of(
      String sleeve,
      List<String> universe,
      boolean shorts,
      List<LocalDate> dataDates,
      Set<String> dataSymbols) {
    return new WeightRequest(
        sleeve, universe, shorts, dataDates, dataSymbols, new java.util.TreeSet<>());
  }
}
