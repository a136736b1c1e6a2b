/**
 * The {@code datasets} command line ({@link io.backgrid.datasets.cli.DataCli}): {@code ingest},
 * {@code generate} and {@code describe}. Exit codes: 0 ok, 1 bad input data, 2 usage error.
 */
package io.backgrid.datasets.cli;
