package io.zklayer.consensus.finality;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.Optional;

/** Finds headers by hash: the local chain for a voter, a justification's ancestry for a verifier. */
@FunctionalInterface
public interface HeaderLookup {
    /** Returns the header of {@code hash}, if known. */
    Optional<Header> header(H256 hash);
}
