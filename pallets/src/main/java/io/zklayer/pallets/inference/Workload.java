package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A workload: an inference request with its payment in escrow.
 *
 * <p>SCALE: {@code {owner: AccountId32, model: u32, input: WorkloadInput, input_commitment: [u8; 32],
 * max_price: u128, price: u128, deadline_blocks: u32, submitted_at: u64, attempts: u8,
 * status: WorkloadStatus}}.
 *
 * @param owner who submitted and paid
 * @param model the model id
 * @param input the input or its commitment
 * @param inputCommitment the Poseidon commitment to the input, 32 bytes big-endian (a public signal of the proof)
 * @param maxPrice the amount held in escrow under {@link InferencePallet#ESCROW_ID}
 * @param price what the node is paid on success (the model's price at submission; for on-chain
 *     models zero, the run pays for its gas instead)
 * @param deadlineBlocks how many blocks a node has for its result after each assignment
 * @param submittedAt the block of submission
 * @param attempts how many times it has been assigned
 * @param status where it is in its life
 */
public record Workload(AccountId32 owner, long model, WorkloadInput input, byte[] inputCommitment, BigInteger maxPrice,
                       BigInteger price, long deadlineBlocks, long submittedAt, int attempts, WorkloadStatus status) {
    /** SCALE codec (see the class comment). */
    public static final ScaleRecord<Workload> CODEC = ScaleRecord.ofFields("Workload",
            v -> new Workload((AccountId32) v[0], (Long) v[1], (WorkloadInput) v[2], (byte[]) v[3], (BigInteger) v[4],
                    (BigInteger) v[5], (Long) v[6], (Long) v[7], (Integer) v[8], (WorkloadStatus) v[9]),
            ScaleRecord.field("owner", AccountId32.CODEC, Workload::owner),
            ScaleRecord.field("model", ScaleCodecs.U32, Workload::model),
            ScaleRecord.field("input", WorkloadInput.CODEC, Workload::input),
            ScaleRecord.field("input_commitment", ScaleCodecs.fixedBytes(32), Workload::inputCommitment),
            ScaleRecord.field("max_price", ScaleCodecs.U128, Workload::maxPrice),
            ScaleRecord.field("price", ScaleCodecs.U128, Workload::price),
            ScaleRecord.field("deadline_blocks", ScaleCodecs.U32, Workload::deadlineBlocks),
            ScaleRecord.field("submitted_at", ScaleCodecs.U64, Workload::submittedAt),
            ScaleRecord.field("attempts", ScaleCodecs.U8, Workload::attempts),
            ScaleRecord.field("status", WorkloadStatus.CODEC, Workload::status));

    /** Copies the commitment and checks its length. */
    public Workload {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        if (inputCommitment.length != 32) {
            throw new IllegalArgumentException("an input commitment is 32 bytes, got " + inputCommitment.length);
        }
        inputCommitment = inputCommitment.clone();
    }

    @Override
    public byte[] inputCommitment() {
        return inputCommitment.clone();
    }

    /** Returns a copy with another status. */
    public Workload withStatus(WorkloadStatus newStatus) {
        return new Workload(owner, model, input, inputCommitment, maxPrice, price, deadlineBlocks, submittedAt, attempts,
                newStatus);
    }

    /** Returns a copy assigned once more, with {@code newStatus}. */
    public Workload withAttempt(WorkloadStatus newStatus) {
        return new Workload(owner, model, input, inputCommitment, maxPrice, price, deadlineBlocks, submittedAt,
                attempts + 1, newStatus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workload x && x.owner.equals(owner) && x.model == model && x.input.equals(input)
                && Arrays.equals(x.inputCommitment, inputCommitment) && x.maxPrice.equals(maxPrice)
                && x.price.equals(price) && x.deadlineBlocks == deadlineBlocks && x.submittedAt == submittedAt
                && x.attempts == attempts && x.status.equals(status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, model, input, Arrays.hashCode(inputCommitment), status);
    }
}
