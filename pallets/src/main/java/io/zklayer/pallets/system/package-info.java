/**
 * The System pallet: accounts (nonce, reference counts, balance data), block number and hashes,
 * events, and the remark calls.
 */
package io.zklayer.pallets.system;
