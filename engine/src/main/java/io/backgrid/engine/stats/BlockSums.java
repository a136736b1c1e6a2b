package io.backgrid.engine.stats;

import io.backgrid.engine.metrics.CompensatedSums;

/**
 * One configuration's return series cut into S contiguous blocks for {@link Cscv}: per block the
 * sum Σr and the sum of squares Σr² of its m returns, accumulated in one pass in the bar loop.
 *
 * <p>Blocking (issue 13): of the T returns, the first T − S·m are dropped, m = ⌊T/S⌋; return t
 * (0-based) with t ≥ T − S·m goes to block ⌊(t − (T − S·m)) / m⌋. Dropping at the start keeps the
 * most recent data. Sums are compensated ({@link CompensatedSums}), so a block of thousands of
 * returns carries no more than a few ulps of error. {@link #add(double)} allocates nothing; not
 * thread-safe.
 */
public final class BlockSums {
  private final int returns;
  private final int blocks;
  private final int perBlock;
  private final int dropped;
  private final CompensatedSums sums;
  private final CompensatedSums squares;
  private int seen;

  /**
   * @param returns T, the number of returns the series will have, ≥ blocks
   * @param blocks S, the number of blocks: even, ≥ 2, and such that a half holds ≥ 2 returns
   * @throws IllegalArgumentException when the blocking is impossible
   */
  public BlockSums(int returns, int blocks) {
    checkBlocking(returns, blocks);
    this.returns = returns;
    this.blocks = blocks;
    this.perBlock = returns / blocks;
    this.dropped = returns - blocks * perBlock;
    this.sums = new CompensatedSums(blocks);
    this.squares = new CompensatedSums(blocks);
  }

  /** The checks shared with {@link BlockSumMatrix}: S even ≥ 2, T ≥ S, a half ≥ 2 returns. */
  static void checkBlocking(int returns, int blocks) {
    if (blocks < 2 || blocks % 2 != 0 || blocks > 30) {
      throw new IllegalArgumentException(
          "Invalid number of blocks: " + blocks + " (must be even, in [2, 30])");
    }
    if (returns < blocks || (long) (returns / blocks) * (blocks / 2) < 2) {
      throw new IllegalArgumentException(
          "Invalid number of returns for "
              + blocks
              + " blocks: "
              + returns
              + " (each half of the blocks must hold at least 2 returns)");
    }
  }

  /** Forgets every return added. */
  public void reset() {
    seen = 0;
    sums.clear();
    squares.clear();
  }

  /**
   * Adds the next return of the series.
   *
   * @param r the return, finite
   * @throws IllegalStateException beyond T returns
   */
  public void add(double r) {
    int t = seen;
    if (t == returns) {
      throw new IllegalStateException(
          "Cannot add return #" + (t + 1) + ": the blocking was made for " + returns + " returns");
    }
    seen = t + 1;
    if (t < dropped) {
      return;
    }
    int b = (t - dropped) / perBlock;
    sums.add(b, r);
    squares.add(b, r * r);
  }

  /** The number of returns added since construction or the last reset. */
  public int added() {
    return seen;
  }

  /** Whether all T returns have been added. */
  public boolean complete() {
    return seen == returns;
  }

  /** S. */
  public int blocks() {
    return blocks;
  }

  /** m = ⌊T/S⌋, the returns in each block. */
  public int returnsPerBlock() {
    return perBlock;
  }

  /** Σr over block b (0-based). */
  public double sum(int b) {
    return sums.total(b);
  }

  /** Σr² over block b (0-based). */
  public double sumSquares(int b) {
    return squares.total(b);
  }
}
