/**
 * One configuration, bar by bar: the {@link io.backgrid.engine.simulation.PortfolioAllocator} that
 * owns the sleeves and the reserve and moves capital between them, the precomputed, shareable
 * {@link io.backgrid.engine.simulation.SleeveSignal} of each distinct sleeve, and the {@link
 * io.backgrid.engine.simulation.Simulator} that runs a {@link
 * io.backgrid.engine.simulation.PortfolioConfig} over a panel into a {@link
 * io.backgrid.engine.simulation.SimulationResult}.
 */
package io.backgrid.engine.simulation;
