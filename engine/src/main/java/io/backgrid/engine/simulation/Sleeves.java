package io.backgrid.engine.simulation;

import io.backgrid.engine.ledger.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portfolio's sleeves, in the order they were added (the order in which they run and in which
 * weights are listed), found by id. It alone adds sleeves and notes that the set changed (a sleeve
 * added or removed), which the bar loop takes to rebuild its machinery.
 */
final class Sleeves {
  private final List<Sleeve> list = new ArrayList<>();
  private final Map<String, Sleeve> byId = new LinkedHashMap<>();
  private boolean changed;

  /**
   * Checks that a sleeve can be added with an allocation, before it is built.
   *
   * @throws IllegalArgumentException for a duplicate id, an allocation outside [0, 1] or
   *     allocations of the sleeves not stopped summing over 1
   */
  void checkAddable(String id, double allocation) {
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException(
          "Duplicate sleeve id '" + id + "' (sleeve ids must be unique)");
    }
    if (!(allocation >= 0 && allocation <= 1)) {
      throw new IllegalArgumentException(
          "Invalid allocation for sleeve '" + id + "': " + allocation + " (must be in [0, 1])");
    }
    double sum = allocation;
    for (Sleeve s : list) {
      sum += s.state() == SleeveState.STOPPED ? 0 : s.initialWeight();
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "Cannot add sleeve '"
              + id
              + "' with allocation "
              + allocation
              + ": allocations would sum to "
              + (float) sum
              + " (must be <= 1; the rest stays in the reserve)");
    }
  }

  /** Adds a sleeve checked by {@link #checkAddable}; it is funded at the next bar. */
  void add(Sleeve sleeve) {
    list.add(sleeve);
    byId.put(sleeve.id(), sleeve);
    changed = true;
  }

  /** Starts removing a sleeve (see {@link PortfolioAllocator#remove}). */
  void remove(String id, RemoveMode mode) {
    get(id).remove(mode);
    changed = true;
  }

  /** True once after each change of the set of sleeves (the bar loop then rebuilds). */
  boolean takeChange() {
    boolean was = changed;
    changed = false;
    return was;
  }

  /**
   * @throws IllegalArgumentException for an unknown id, naming the known ones
   */
  Sleeve get(String id) {
    Sleeve s = byId.get(id);
    if (s == null) {
      throw new IllegalArgumentException(
          "Unknown sleeve '" + id + "'; the portfolio has " + byId.keySet());
    }
    return s;
  }

  /** The sleeve at index i, in run order. */
  Sleeve get(int i) {
    return list.get(i);
  }

  int size() {
    return list.size();
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Sleeve ids in run order. */
  List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The portfolio NAV: {@code reserveCents} plus every sleeve's NAV at the last mark, in cents. */
  long navCents(long reserveCents) {
    long nav = reserveCents;
    for (int i = 0; i < list.size(); i++) {
      nav = Money.add(nav, list.get(i).ledger().navCents());
    }
    return nav;
  }

  /** Each sleeve's weight, its NAV / {@code navCents} (0 when that is ≤ 0), into {@code out}. */
  void weights(long navCents, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = navCents > 0 ? (double) list.get(i).ledger().navCents() / navCents : 0;
    }
  }
}
