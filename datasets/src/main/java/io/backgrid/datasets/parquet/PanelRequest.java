package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.engine.market.PriceField;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to load into a panel.
 *
 * @param symbols the symbols, in panel order; empty = every symbol with a bar in the period, in
 *     name order
 * @param start first date (inclusive), or null for the data's first
 * @param end last date (inclusive), or null for the data's last
 * @param fields the optional fields to load besides the trading price (may be empty)
 */
public record PanelRequest(
    List<String> symbols, LocalDate start, LocalDate end, Set<PriceField> fields) {
  public PanelRequest {
    symbols = List.copyOf(symbols);
    fields = fields.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(fields));
    new RowFilter(symbols, start, end); // validates the symbol list and the period
  }

  /** Every symbol, every date, no optional field. */
  public static PanelRequest all() {
    return new PanelRequest(List.of(), null, null, Set.of());
  }

  /** Every symbol, every date, every optional field. */
  public static PanelRequest allFields() {
    return new PanelRequest(List.of(), null, null, EnumSet.allOf(PriceField.class));
  }

  /** The row filter this request reads with. */
  public RowFilter filter() {
    return new RowFilter(symbols, start, end);
  }
}
