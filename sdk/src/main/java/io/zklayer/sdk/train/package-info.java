/** Seeded, reproducible floating-point training of small MLP classifiers (Adam, softmax cross-entropy). */
package io.zklayer.sdk.train;
