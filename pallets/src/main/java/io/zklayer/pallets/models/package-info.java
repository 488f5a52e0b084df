/**
 * The Models pallet: the registry of models (io, weight commitment, verifying key, public Wasm code, price,
 * compute units, versions, deprecation), the {@link io.zklayer.pallets.models.ModelLookup} other pallets read
 * it through, usage statistics, and verified backtesting that records each model's proven accuracy.
 */
package io.zklayer.pallets.models;
