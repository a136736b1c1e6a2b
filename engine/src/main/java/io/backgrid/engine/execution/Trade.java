package io.backgrid.engine.execution;

import java.time.LocalDate;

/**
 * One fill in one sleeve's ledger.
 *
 * @param date the date of the bar the fill happened at
 * @param sleeve the sleeve's id
 * @param symbol the symbol
 * @param quantity shares, positive bought, negative sold
 * @param price fill price per share
 * @param notionalCents |quantity| · price in cents
 * @param costCents commission and slippage charged to this sleeve, in cents
 * @param crossedQuantity shares of this fill crossed internally against another sleeve (netting),
 *     0..|quantity|
 */
public record Trade(
    LocalDate date,
    String sleeve,
    String symbol,
    double quantity,
    double price,
    long notionalCents,
    long costCents,
    double crossedQuantity) {}
