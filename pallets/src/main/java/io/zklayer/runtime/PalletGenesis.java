package io.zklayer.runtime;

/**
 * The genesis configuration of one pallet beyond the core ones (balances, sudo, session), for
 * example the pre-registered nodes of the pools. {@link RuntimeGenesisConfig#build} applies them in
 * pallet index order after the core ones, so they may reserve endowed balances. A configuration that
 * breaks a rule throws {@link IllegalArgumentException} naming it; events deposited at genesis are
 * dropped.
 */
public interface PalletGenesis {
    /** Returns the index of the pallet this configures. */
    int palletIndex();

    /** Writes the pallet's genesis entries into {@code ctx}'s state, using {@code runtime}'s pallets. */
    void build(Runtime runtime, RuntimeContext ctx);
}
