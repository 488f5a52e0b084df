package io.zklayer.genesis;

/**
 * The {@code genesis} section of a chain spec in one of its two forms: the human form
 * {@link GenesisConfig} ({@code {"runtimeGenesis": {"config": {...}}}}, per pallet) or the raw form
 * {@link RawGenesis} ({@code {"raw": {"top": {...}, "childrenDefault": {}}}}, every storage entry).
 * Both build the same genesis block when one is {@link GenesisBuilder#toRaw the raw form} of the other.
 */
public sealed interface SpecGenesis permits GenesisConfig, RawGenesis {
    /** Returns whether this is the raw form. */
    default boolean isRaw() {
        return this instanceof RawGenesis;
    }
}
