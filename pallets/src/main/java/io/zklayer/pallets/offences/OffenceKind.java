package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleEnum;

/**
 * The offences the chain punishes, with their index in {@link EquivocationEvidence} and in events:
 * {@code Authorship = 0} (two blocks sealed in one slot), {@code Vote = 1} (two conflicting
 * finality votes in one round).
 */
public enum OffenceKind {
    /** Two different blocks sealed by one key in one slot. */
    AUTHORSHIP(0),
    /** Two different prevotes or precommits signed by one voter in one round of one set. */
    VOTE(1);

    /** SCALE codec: the index byte. */
    public static final ScaleCodec<OffenceKind> CODEC = ScaleEnum.ofUnitEnum("OffenceKind", OffenceKind.class,
            OffenceKind::index);

    private final int index;

    OffenceKind(int index) {
        this.index = index;
    }

    /** Returns the index byte. */
    public int index() {
        return index;
    }
}
