/** The Session pallet: the validator set read by consensus. */
package io.zklayer.pallets.session;
