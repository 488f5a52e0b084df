package io.zklayer.consensus;

import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.primitives.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where consensus sends evidence of misbehaviour it detects: two blocks sealed by one author in one
 * slot, or two conflicting finality votes signed by one voter in one round. The node turns each
 * into an {@code Offences.report_equivocation} extrinsic ({@code toProof()} gives the runtime's form
 * of the evidence, with the same bytes), which slashes the offender; {@link #LOGGING} only logs.
 */
public interface OffenceReporter {
    /** Called once per detected authorship equivocation. */
    void authorshipEquivocation(AuthorshipEquivocation evidence);

    /** Called once per detected vote equivocation. */
    void voteEquivocation(VoteEquivocation evidence);

    /** A reporter that logs the evidence (with its SCALE bytes) and does nothing else. */
    OffenceReporter LOGGING = new OffenceReporter() {
        private final Logger log = LoggerFactory.getLogger(OffenceReporter.class);

        @Override
        public void authorshipEquivocation(AuthorshipEquivocation e) {
            log.warn("Authorship equivocation: {} sealed #{} and #{} in slot {}: {}", e.offender(), e.first().number(),
                    e.second().number(), e.slot(), Hex.encode(e.encode()));
        }

        @Override
        public void voteEquivocation(VoteEquivocation e) {
            log.warn("Vote equivocation: {} signed two {}s in round {} of set {}: {}", e.offender(), e.kind(), e.round(),
                    e.setId(), Hex.encode(e.encode()));
        }
    };
}
