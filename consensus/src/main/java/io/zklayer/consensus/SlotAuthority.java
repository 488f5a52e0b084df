package io.zklayer.consensus;

import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import java.util.List;

/**
 * Who authors a slot: the validator set is read from the parent block's state
 * ({@code Session.Validators}) and slots rotate through it in order, {@code author = set[slot mod n]},
 * so every node derives the same author from the same chain.
 */
public final class SlotAuthority {
    private SlotAuthority() {}

    /** Returns the validators in the state. */
    public static List<AccountId32> validators(TrieState state) {
        return SessionPallet.VALIDATORS.get(state);
    }

    /** Returns the author of {@code slot} among {@code validators}. */
    public static AccountId32 authorOf(long slot, List<AccountId32> validators) {
        if (validators.isEmpty()) {
            throw new IllegalStateException("the validator set is empty: no one can author");
        }
        return validators.get((int) Math.floorMod(slot, (long) validators.size()));
    }
}
