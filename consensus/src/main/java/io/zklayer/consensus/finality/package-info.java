/**
 * The GRANDPA-style finality gadget: voters of an epoch's authority set vote in rounds (prevote,
 * precommit) on the best chain; a block with precommits from more than two thirds of the set is
 * final, and those signed precommits are its {@link io.zklayer.consensus.finality.GrandpaJustification}.
 * Wire formats follow Substrate's GRANDPA (vote payloads, justifications, equivocation proofs).
 */
package io.zklayer.consensus.finality;
