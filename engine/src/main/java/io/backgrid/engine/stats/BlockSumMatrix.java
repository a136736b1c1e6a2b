package io.backgrid.engine.stats;

/**
 * The input of {@link Cscv}: for N configurations and S blocks of m returns each, the sums Σr and
 * Σr² of every (configuration, block). Stored block-major (one array of N values per block), the
 * order in which CSCV reads it. Holds 16·N·S bytes: 25.6 MB for N = 100,000 and S = 16.
 */
public final class BlockSumMatrix {
  private final int configurations;
  private final int blocks;
  private final int returnsPerBlock;
  final double[] sums;
  final double[] squares;

  /**
   * An all-zero matrix to be filled with {@link #set}.
   *
   * @param configurations N, ≥ 1
   * @param blocks S, even, in [2, 30]
   * @param returnsPerBlock m, ≥ 1, with S/2·m ≥ 2
   */
  public BlockSumMatrix(int configurations, int blocks, int returnsPerBlock) {
    if (configurations < 1) {
      throw new IllegalArgumentException(
          "Invalid number of configurations: " + configurations + " (must be >= 1)");
    }
    if (returnsPerBlock < 1) {
      throw new IllegalArgumentException(
          "Invalid returns per block: " + returnsPerBlock + " (must be >= 1)");
    }
    BlockSums.checkBlocking(blocks * returnsPerBlock, blocks);
    if ((long) configurations * blocks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Invalid size: "
              + configurations
              + " configurations × "
              + blocks
              + " blocks (must be at most "
              + Integer.MAX_VALUE
              + " cells)");
    }
    this.configurations = configurations;
    this.blocks = blocks;
    this.returnsPerBlock = returnsPerBlock;
    this.sums = new double[configurations * blocks];
    this.squares = new double[configurations * blocks];
  }

  /** N. */
  public int configurations() {
    return configurations;
  }

  /** S. */
  public int blocks() {
    return blocks;
  }

  /** m. */
  public int returnsPerBlock() {
    return returnsPerBlock;
  }

  /**
   * Sets one cell.
   *
   * @param configuration 0-based; the index is the configuration's place in tie-breaking (the
   *     smallest index wins a tie, so index in config_id order)
   * @param block 0-based, in time order
   * @param sum Σr of the block's m returns, finite
   * @param sumSquares Σr², finite and ≥ 0
   */
  public void set(int configuration, int block, double sum, double sumSquares) {
    if (configuration < 0 || configuration >= configurations || block < 0 || block >= blocks) {
      throw new IndexOutOfBoundsException(
          "Cannot set cell ("
              + configuration
              + ", "
              + block
              + ") of a "
              + configurations
              + " × "
              + blocks
              + " matrix");
    }
    if (!Double.isFinite(sum) || !(sumSquares >= 0) || sumSquares == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid block sums of configuration "
              + configuration
              + ", block "
              + block
              + ": sum="
              + sum
              + ", sumSquares="
              + sumSquares
              + " (must be finite, sumSquares >= 0)");
    }
    sums[block * configurations + configuration] = sum;
    squares[block * configurations + configuration] = sumSquares;
  }

  /**
   * Sets every block of one configuration from its accumulator.
   *
   * @throws IllegalArgumentException when the accumulator's blocking differs or it is incomplete
   */
  public void set(int configuration, BlockSums series) {
    if (series.blocks() != blocks || series.returnsPerBlock() != returnsPerBlock) {
      throw new IllegalArgumentException(
          "Invalid block sums of configuration "
              + configuration
              + ": "
              + series.blocks()
              + " blocks of "
              + series.returnsPerBlock()
              + " returns (the matrix has "
              + blocks
              + " of "
              + returnsPerBlock
              + ")");
    }
    if (!series.complete()) {
      throw new IllegalArgumentException(
          "Invalid block sums of configuration "
              + configuration
              + ": only "
              + series.added()
              + " returns added (the series is incomplete)");
    }
    for (int b = 0; b < blocks; b++) {
      set(configuration, b, series.sum(b), series.sumSquares(b));
    }
  }
}
