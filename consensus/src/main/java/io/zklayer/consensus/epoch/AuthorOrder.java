package io.zklayer.consensus.epoch;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The per-epoch authoring order: the epoch's validators sorted by
 * {@code blake2b-256(randomness ‖ account)} (unsigned bytes, lowest first), and slot {@code s}
 * belongs to {@code order[s mod n]}. Every node derives the same order from the same chain, the
 * order changes with each epoch's randomness, and no validator can choose its place.
 *
 * <p>Example: with randomness {@code 0x00…00} and validators Alice, Bob the keys are
 * {@code blake2b-256(0x00…00 ‖ alice)} and {@code blake2b-256(0x00…00 ‖ bob)}; whoever's is lower
 * authors the even slots.
 */
public final class AuthorOrder {
    private AuthorOrder() {}

    /** Returns {@code epoch}'s validators in authoring order. */
    public static List<AccountId32> order(EpochData epoch) {
        byte[] randomness = epoch.randomness().bytes();
        List<Keyed> keyed = new ArrayList<>();
        for (AccountId32 v : epoch.validators()) {
            byte[] input = new byte[H256.LENGTH + AccountId32.LENGTH];
            System.arraycopy(randomness, 0, input, 0, H256.LENGTH);
            System.arraycopy(v.bytes(), 0, input, H256.LENGTH, AccountId32.LENGTH);
            keyed.add(new Keyed(Hashing.blake2b256(input), v));
        }
        keyed.sort(Comparator.comparing(Keyed::key, Arrays::compareUnsigned).thenComparing(Keyed::account));
        return keyed.stream().map(Keyed::account).toList();
    }

    /** Returns the author of {@code slot} in {@code epoch}. */
    public static AccountId32 authorOf(long slot, EpochData epoch) {
        List<AccountId32> order = order(epoch);
        return order.get((int) Math.floorMod(slot, (long) order.size()));
    }

    private record Keyed(byte[] key, AccountId32 account) {}
}
