package io.zklayer.p2p.gossip;

import io.zklayer.primitives.Hex;
import java.util.Arrays;

/** A message id usable as a map key (byte equality). */
public record MessageId(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
        return o instanceof MessageId m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.shortForm(bytes);
    }
}
