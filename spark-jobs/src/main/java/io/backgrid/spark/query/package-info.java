/** Spark SQL over a study's tables: each table a view, results printed as a text table or CSV. */
package io.backgrid.spark.query;
