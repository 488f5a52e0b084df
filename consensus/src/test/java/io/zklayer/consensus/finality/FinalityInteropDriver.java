package io.zklayer.consensus.finality;

import io.zklayer.consensus.AuthorshipEquivocation;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.SlotDigests;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints, as JSON on stdout, a GRANDPA justification, a vote equivocation proof and an authorship
 * equivocation proof made by this module, with their fields, for {@code testnet/interop/finality.test.mjs}
 * to decode with {@code @polkadot/types} ({@code GrandpaJustification}, {@code GrandpaEquivocationProof},
 * {@code BabeEquivocationProof}) and check the ed25519 signatures over payloads it builds itself.
 */
public final class FinalityInteropDriver {
    private FinalityInteropDriver() {}

    /** Writes the JSON document. */
    public static void main(String[] args) {
        BlockTree tree = new BlockTree();
        Header b1 = tree.child(tree.genesis());
        Header b2 = tree.child(b1);
        Header b3 = tree.child(b2);
        Header b4 = tree.child(b3);
        long round = 7;
        long setId = 3;
        List<Ed25519KeyPair> keys = List.of(DevAccounts.ALICE.keyPair(), DevAccounts.BOB.keyPair(), DevAccounts.CHARLIE.keyPair());
        ChainHead target = BlockTree.head(b2);
        List<SignedVote> precommits = new ArrayList<>();
        precommits.add(SignedVote.sign(keys.get(0), VoteKind.PRECOMMIT, target, round, setId));
        precommits.add(SignedVote.sign(keys.get(1), VoteKind.PRECOMMIT, BlockTree.head(b4), round, setId));
        precommits.add(SignedVote.sign(keys.get(2), VoteKind.PRECOMMIT, BlockTree.head(b3), round, setId));
        GrandpaJustification j = new GrandpaJustification(round, new Commit(target, precommits), List.of(b4, b3));
        AuthoritySet set = new AuthoritySet(setId, keys.stream().map(k -> AccountId32.of(k.publicKey().bytes())).toList());
        if (!(JustificationVerifier.verify(j, set, java.util.Optional.of(target)) instanceof JustificationVerifier.Result.Valid)) {
            throw new IllegalStateException("the driver's own justification does not verify");
        }

        SignedVote pv1 = SignedVote.sign(keys.get(1), VoteKind.PREVOTE, BlockTree.head(b3), round, setId);
        SignedVote pv2 = SignedVote.sign(keys.get(1), VoteKind.PREVOTE, BlockTree.head(b4), round, setId);
        VoteEquivocation ve = new VoteEquivocation(setId, round, VoteKind.PREVOTE, pv1.voter(), pv1, pv2);

        Ed25519KeyPair alice = DevAccounts.ALICE.keyPair();
        long slot = 4242;
        Header h1 = sealed(new Header(b1.hash(), 2, b2.stateRoot(), b2.extrinsicsRoot(), Digest.of(SlotDigests.slot(slot))), alice);
        Header h2 = sealed(new Header(b1.hash(), 2, b3.stateRoot(), b3.extrinsicsRoot(), Digest.of(SlotDigests.slot(slot))), alice);
        AuthorshipEquivocation ae = new AuthorshipEquivocation(AccountId32.of(alice.publicKey().bytes()), slot, h1, h2);
        if (ae.check().isPresent() || ve.check().isPresent()) {
            throw new IllegalStateException("the driver's own evidence does not check");
        }

        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"justification\": \"").append(Hex.encode(j.encode())).append("\",\n");
        out.append("  \"round\": ").append(round).append(",\n  \"setId\": ").append(setId).append(",\n");
        out.append("  \"target\": ").append(head(target)).append(",\n  \"precommits\": [");
        for (int i = 0; i < precommits.size(); i++) {
            SignedVote v = precommits.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"target\": ").append(head(v.target()))
                    .append(", \"signature\": \"").append(Hex.encode(v.signature().bytes()))
                    .append("\", \"id\": \"").append(v.voter().toHex()).append("\"}");
        }
        out.append("\n  ],\n  \"ancestries\": [\"").append(b4.hash().toHex()).append("\", \"").append(b3.hash().toHex()).append("\"],\n");
        out.append("  \"voteEquivocation\": \"").append(Hex.encode(ve.encode())).append("\",\n");
        out.append("  \"voteEquivocationFirst\": ").append(head(pv1.target())).append(",\n");
        out.append("  \"voteEquivocationSecond\": ").append(head(pv2.target())).append(",\n");
        out.append("  \"voteEquivocationOffender\": \"").append(pv1.voter().toHex()).append("\",\n");
        out.append("  \"authorshipEquivocation\": \"").append(Hex.encode(ae.encode())).append("\",\n");
        out.append("  \"slot\": ").append(slot).append(",\n");
        out.append("  \"offender\": \"").append(ae.offender().toHex()).append("\",\n");
        out.append("  \"firstHeaderHash\": \"").append(h1.hash().toHex()).append("\",\n");
        out.append("  \"secondHeaderHash\": \"").append(h2.hash().toHex()).append("\"\n}\n");
        System.out.print(out);
    }

    private static Header sealed(Header unsealed, Ed25519KeyPair key) {
        return SlotDigests.sealed(unsealed, SlotDigests.seal(key.sign(unsealed.hash().bytes()).bytes()));
    }

    private static String head(ChainHead h) {
        return "{\"hash\": \"" + h.hash().toHex() + "\", \"number\": " + h.number() + "}";
    }
}
