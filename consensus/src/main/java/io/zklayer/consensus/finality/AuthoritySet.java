package io.zklayer.consensus.finality;

import io.zklayer.primitives.types.AccountId32;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The voters of one authority set, all of weight one. Set {@code s} is epoch {@code s}'s validator
 * set; it finalizes blocks up to the last block of epoch {@code s}.
 *
 * <p>A supermajority is more than two thirds: {@code threshold = n − ⌊(n − 1) / 3⌋} votes
 * (4 voters → 3, 7 → 5, 1 → 1), which with at most {@code f = ⌊(n − 1) / 3⌋} faulty voters leaves
 * any two supermajorities sharing an honest voter.
 *
 * @param setId the set id (the epoch index)
 * @param voters the voters, non-empty, no duplicates
 */
public record AuthoritySet(long setId, List<AccountId32> voters) {
    /** Checks and copies. */
    public AuthoritySet {
        if (setId < 0) {
            throw new IllegalArgumentException("authority set id is negative: " + setId);
        }
        voters = List.copyOf(voters);
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("authority set " + setId + " has no voters");
        }
        Map<AccountId32, Integer> seen = new HashMap<>();
        for (AccountId32 v : voters) {
            if (seen.put(v, 1) != null) {
                throw new IllegalArgumentException("authority set " + setId + " lists " + v + " twice");
            }
        }
    }

    /** Returns the number of voters. */
    public int size() {
        return voters.size();
    }

    /** Returns how many faulty voters the set tolerates: {@code ⌊(n − 1) / 3⌋}. */
    public int maxFaulty() {
        return (voters.size() - 1) / 3;
    }

    /** Returns the supermajority: {@code n − ⌊(n − 1) / 3⌋} votes. */
    public int threshold() {
        return voters.size() - maxFaulty();
    }

    /** Returns whether {@code who} is a voter of this set. */
    public boolean contains(AccountId32 who) {
        return voters.contains(who);
    }
}
