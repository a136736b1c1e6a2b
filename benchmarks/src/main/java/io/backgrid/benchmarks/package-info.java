/** JMH benchmarks of the engine and the study job; run with {@code -Pbench} (see BENCHMARKS.md). */
package io.backgrid.benchmarks;
