package io.backgrid.benchmarks;

import io.backgrid.engine.stats.BlockSumMatrix;
import io.backgrid.engine.stats.BlockSums;
import io.backgrid.engine.stats.Cscv;
import io.backgrid.engine.stats.ProbabilityOfOverfitting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The cost of the probability of backtest overfitting at grid scale: {@link Cscv#evaluate} on N
 * configurations × S blocks (default 100,000 × 16, i.e. 12,870 combinations).
 *
 * <p>The block sums come from N seeded series of 1,008 normal daily returns (mean 0, std 1%; the
 * CSCV cost depends on N and S only, not on the series length), accumulated by {@link BlockSums} as
 * the bar loop would. Prints the thread CPU and wall time of each of {@code passes} evaluations
 * (the first includes the JIT's warm-up) and the result.
 *
 * <p>Usage: {@code java -cp ... io.backgrid.benchmarks.CscvTiming [configurations] [blocks]
 * [passes]}
 */
public final class CscvTiming {
  private static final int RETURNS = 1_008;

  private CscvTiming() {}

  public static void main(String[] args) {
    int configurations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SplittableRandom random = new SplittableRandom(42);
    BlockSums sums = new BlockSums(RETURNS, blocks);
    BlockSumMatrix matrix = new BlockSumMatrix(configurations, blocks, sums.returnsPerBlock());
    for (int i = 0; i < configurations; i++) {
      sums.reset();
      for (int t = 0; t < RETURNS; t++) {
        double u = 1.0 - random.nextDouble();
        sums.add(0.01 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
      }
      matrix.set(i, sums);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < passes; pass++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      ProbabilityOfOverfitting result = Cscv.evaluate(matrix);
      System.out.printf(
          "CSCV N=%d S=%d: %d combinations, cpu %.2f s, wall %.2f s, %s%n",
          configurations,
          blocks,
          result.combinations(),
          (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
          (System.nanoTime() - wall) / 1e9,
          result);
    }
  }
}
