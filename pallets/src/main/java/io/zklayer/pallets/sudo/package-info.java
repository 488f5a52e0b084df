/** The Sudo pallet: one root key for dev and local chains. */
package io.zklayer.pallets.sudo;
