/** Labelled tabular data sets read from CSV, and seeded train/test splits. */
package io.zklayer.sdk.data;
