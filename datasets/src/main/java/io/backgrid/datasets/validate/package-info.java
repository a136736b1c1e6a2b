/**
 * Validation of price rows: every problem of an input is collected with its file, line, symbol,
 * date and value, and reported at once as one {@link
 * io.backgrid.datasets.validate.ValidationException}.
 */
package io.backgrid.datasets.validate;
