/**
 * The market as the engine sees it: a dense, immutable panel of dates × symbols held in primitive
 * arrays ({@link io.backgrid.engine.market.MarketPanel}), and the read-only {@link
 * io.backgrid.engine.market.MarketView} that ends at the current bar, through which strategies read
 * history. A view cannot return data after its bar: no look-ahead by construction.
 */
package io.backgrid.engine.market;
