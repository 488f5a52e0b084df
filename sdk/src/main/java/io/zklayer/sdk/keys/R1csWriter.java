package io.zklayer.sdk.keys;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.Constraint;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a constraint system as circom's {@code .r1cs} (iden3 r1cs version 1), the circuit description
 * of a model artifact, readable by {@code snarkjs r1cs info} and by {@link io.zklayer.zk.r1cs.R1csFile}.
 *
 * <p>Sections: 1 header {@code n8 = 32, r (32 bytes LE), nWires, nPubOut, nPubIn, nPrvIn (u32),
 * nLabels (u64), nConstraints (u32)}; 2 constraints, each three linear combinations {@code nTerms u32,
 * (wire u32, coefficient 32 bytes LE)*} with terms in the system's order; 3 the wire-to-label map
 * (u64 per wire; here the identity, as the compiled model has no circom labels). The model circuit's
 * public signals split into outputs ({@code nPubOut}) and the two commitments the verifier supplies
 * ({@code nPubIn}); its private inputs are not distinguished from intermediate wires, so
 * {@code nPrvIn} is 0.
 *
 * <p>Example: one constraint {@code w1 · w1 = w1} over 2 wires with 1 public output gives a section 2
 * of {@code 01000000 01000000 <1 as 32 bytes LE>} three times.
 */
public final class R1csWriter {
    private R1csWriter() {}

    /**
     * Returns the {@code .r1cs} bytes of {@code system}, whose first {@code publicOutputs} public
     * signals are outputs and the rest public inputs.
     */
    public static byte[] write(ConstraintSystem system, int publicOutputs) {
        if (publicOutputs < 0 || publicOutputs > system.publicCount()) {
            throw new IllegalArgumentException("r1cs: " + publicOutputs + " public outputs out of " + system.publicCount() + " public signals");
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 32 + 16 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(32).put(SectionedFileWriter.le256(Fr.MODULUS));
        header.putInt(system.wireCount()).putInt(publicOutputs).putInt(system.publicCount() - publicOutputs).putInt(0);
        header.putLong(system.wireCount()).putInt(system.constraints().size());
        long size = 0;
        for (Constraint c : system.constraints()) {
            size += 12 + 36L * (c.a().size() + c.b().size() + c.c().size());
        }
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("r1cs: constraint section of " + size + " bytes is over 2 GiB");
        }
        ByteBuffer body = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        byte[] coeff = new byte[32];
        for (Constraint c : system.constraints()) {
            for (LinearCombination lc : new LinearCombination[] {c.a(), c.b(), c.c()}) {
                body.putInt(lc.size());
                for (int t = 0; t < lc.size(); t++) {
                    lc.coeffAt(t).writeBytesLE(coeff, 0);
                    body.putInt(lc.wireAt(t)).put(coeff);
                }
            }
        }
        ByteBuffer labels = ByteBuffer.allocate(8 * system.wireCount()).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < system.wireCount(); w++) {
            labels.putLong(w);
        }
        return new SectionedFileWriter("r1cs", 1, 3)
                .section(1, header.array())
                .section(2, body.array())
                .section(3, labels.array())
                .toBytes();
    }
}
