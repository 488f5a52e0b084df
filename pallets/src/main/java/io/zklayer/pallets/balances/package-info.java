/**
 * The Balances pallet: free, reserved and frozen balances, the existential deposit, transfers, and
 * the named reserves and locks that bonds and escrow use.
 */
package io.zklayer.pallets.balances;
