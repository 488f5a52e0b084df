/**
 * The Pools pallet: model nodes bond tokens and offer compute units per epoch for the models they
 * serve; registrations and departures take effect at epoch changes; penalties slash bonds. See
 * {@link io.zklayer.pallets.pools.PoolsPallet}.
 */
package io.zklayer.pallets.pools;
