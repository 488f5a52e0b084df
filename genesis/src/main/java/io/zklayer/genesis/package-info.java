/**
 * Chain specs and genesis: the JSON a node starts from, in Substrate's layout, and the genesis
 * block built from it.
 *
 * <ul>
 *   <li>{@link io.zklayer.genesis.ChainSpec} — the spec (name, id, chain type, boot nodes,
 *       properties, the ZKLayer {@code consensus} extension, genesis in human or raw form).
 *   <li>{@link io.zklayer.genesis.ChainSpecJson} — strict reading (errors name the JSON path) and
 *       stable writing ({@code build-spec}, {@code build-spec --raw}).
 *   <li>{@link io.zklayer.genesis.ChainSpecs} — the {@code dev} and {@code local} presets and
 *       {@code --chain} resolution.
 *   <li>{@link io.zklayer.genesis.GenesisBuilder} — the genesis state, header and hash of a spec,
 *       and the human → raw conversion; both forms build the same genesis hash.
 * </ul>
 */
package io.zklayer.genesis;
