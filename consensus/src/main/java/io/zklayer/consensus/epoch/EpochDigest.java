package io.zklayer.consensus.epoch;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.Tuple2;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * The announcement of a new epoch's validator set in the first block of that epoch, so that light
 * clients and syncing nodes learn the set from headers: {@code Consensus("zkly", SCALE((epoch u64,
 * Vec<AccountId32>)))}, written by the block author from the parent's state and checked at import.
 *
 * <p>Example: epoch 1 with the one validator {@code 0x11…11} →
 * {@code Consensus(0x7a6b6c79, 0x0100000000000000 04 1111…11)}.
 */
public final class EpochDigest {
    /** The engine id {@code "zkly"}. */
    public static final ConsensusEngineId ENGINE = ConsensusEngineId.ofAscii("zkly");

    private static final ScaleCodec<Tuple2<Long, List<AccountId32>>> CODEC =
            ScaleCodecs.tuple(ScaleCodecs.U64, ScaleCodecs.vec(AccountId32.CODEC));

    /** One announcement: the epoch and its validator set in the runtime's order. */
    public record Announcement(long epoch, List<AccountId32> validators) {
        /** Copies the list. */
        public Announcement {
            validators = List.copyOf(validators);
        }
    }

    private EpochDigest() {}

    /** Returns the digest item announcing {@code epoch}. */
    public static DigestItem item(EpochData epoch) {
        return new DigestItem.Consensus(ENGINE, CODEC.encode(new Tuple2<>(epoch.epoch(), epoch.validators())));
    }

    /**
     * Returns the announcements in {@code header}.
     *
     * @throws ScaleDecodeException when a {@code "zkly"} item does not decode
     */
    public static List<Announcement> find(Header header) {
        return header.digest().logs().stream()
                .filter(i -> i instanceof DigestItem.Consensus c && c.engine().equals(ENGINE))
                .map(i -> {
                    Tuple2<Long, List<AccountId32>> t = CODEC.decode(((DigestItem.Consensus) i).data());
                    return new Announcement(t.first(), t.second());
                })
                .toList();
    }

    /** Returns the announcement in {@code header} if there is exactly one well-formed one. */
    public static Optional<Announcement> single(Header header) {
        try {
            List<Announcement> all = find(header);
            return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        } catch (ScaleDecodeException e) {
            return Optional.empty();
        }
    }
}
