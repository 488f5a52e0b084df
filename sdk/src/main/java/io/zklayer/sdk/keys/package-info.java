/**
 * Groth16 keys of model circuits as files: how they are made ({@link io.zklayer.sdk.keys.KeySetup}: a
 * deterministic, insecure dev setup or a {@code .ptau} phase 1 plus a phase-2 contribution), the
 * snarkjs-compatible files they are written to ({@link io.zklayer.sdk.keys.ZkeyWriter} for the proving
 * key, {@link io.zklayer.sdk.keys.R1csWriter} for the circuit; the verifying key is snarkjs's
 * {@code verification_key.json}), and a cache for proving keys that are regenerated on demand
 * ({@link io.zklayer.sdk.keys.ProvingKeyCache}).
 */
package io.zklayer.sdk.keys;
