/** The Timestamp pallet: the block time inherent, the runtime's only clock. */
package io.zklayer.pallets.timestamp;
