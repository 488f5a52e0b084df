/**
 * The runtime APIs the node answers through {@code state_call}, as Substrate's
 * {@code impl_runtime_apis!} declares them: each API's trait name, version and methods with their
 * SCALE parameter and result types ({@link io.zklayer.runtime.api.RuntimeApiDescriptor}), and
 * their implementation over a block's state ({@link io.zklayer.runtime.api.RuntimeApis}). The
 * runtime version lists them by id (blake2b-64 of the trait name) and the V15 metadata describes
 * them, so clients such as {@code @polkadot/api} find and call them.
 */
package io.zklayer.runtime.api;
