package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Objects;

/** The calls of the Offences pallet, at fixed call indexes. */
public sealed interface OffencesCall {
    /**
     * Reports an equivocation (index 0): two blocks sealed by one validator in one slot, or two
     * different votes of one kind signed by one voter in one round. Call bytes:
     * {@code 0x0a 0x00 ‖ evidence} where the evidence is {@code 0x00 ‖ SlotEquivocationProof} or
     * {@code 0x01 ‖ GrandpaEquivocationProof}.
     */
    record ReportEquivocation(EquivocationEvidence evidence) implements OffencesCall {
        /** Checks presence. */
        public ReportEquivocation {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<OffencesCall> CODEC = ScaleEnum.<OffencesCall>builder("OffencesCall")
            .variant(0, "report_equivocation", ReportEquivocation.class, ScaleRecord.of("report_equivocation",
                    ScaleRecord.field("evidence", EquivocationEvidence.CODEC, ReportEquivocation::evidence),
                    ReportEquivocation::new))
            .build();
}
