/**
 * The Offences pallet (index 10) and the equivocation evidence it shares with consensus: the Aura
 * slot and seal digests ({@link io.zklayer.pallets.offences.AuraDigests}), the authorship proof
 * ({@link io.zklayer.pallets.offences.SlotEquivocationProof}) and the finality vote proof
 * ({@link io.zklayer.pallets.offences.GrandpaEquivocationProof}) in Substrate's encodings. Consensus
 * (which may import pallets) builds the evidence with these types; the runtime decodes the same bytes,
 * checks them against its history of validator sets and slashes the offender.
 */
package io.zklayer.pallets.offences;
