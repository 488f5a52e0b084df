package io.zklayer.zk.r1cs;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of circom's {@code .r1cs} files (iden3 r1cs v1): magic {@code "r1cs"}, version 1; section 1
 * header {@code n8, prime (n8 bytes LE), nWires, nPubOut, nPubIn, nPrvIn (u32), nLabels (u64),
 * nConstraints (u32)}; section 2 the constraints, each three linear combinations {@code nTerms u32, then
 * (wire u32, coefficient n8 bytes LE standard form)}. Only BN254's r is accepted.
 */
public final class R1csFile {
    /** The parsed header: counts as circom reports them. */
    public record Header(int wires, int publicOutputs, int publicInputs, int privateInputs, long labels, int constraints) {}

    /** The system and its header. */
    public record Parsed(Header header, ConstraintSystem system) {}

    private R1csFile() {}

    /** Returns the parsed file; every count is bounded by the section size before allocation. */
    public static Parsed read(byte[] bytes) {
        BinaryFile f = BinaryFile.parse(bytes, "r1cs");
        if (f.version() != 1) {
            throw new ZkFormatException("r1cs: unsupported version " + f.version());
        }
        ByteBuffer h = f.section(1);
        int n8 = h.getInt();
        if (n8 != 32) {
            throw new ZkFormatException("r1cs: field element size must be 32, got " + n8);
        }
        byte[] prime = new byte[32];
        h.get(prime);
        if (!leToBigInteger(prime).equals(Fr.MODULUS)) {
            throw new ZkFormatException("r1cs: prime is not BN254's scalar field r");
        }
        Header header = new Header(h.getInt(), h.getInt(), h.getInt(), h.getInt(), h.getLong(), h.getInt());
        if (header.wires() < 1 || header.constraints() < 0 || header.publicOutputs() < 0 || header.publicInputs() < 0
                || 1L + header.publicOutputs() + header.publicInputs() > header.wires()) {
            throw new ZkFormatException("r1cs: inconsistent header " + header);
        }
        ByteBuffer c = f.section(2);
        BinaryFile.requireFits("r1cs constraints", header.constraints(), 12, c.remaining());
        List<Constraint> constraints = new ArrayList<>(header.constraints());
        for (int i = 0; i < header.constraints(); i++) {
            LinearCombination a = readLc(c, header.wires(), i);
            LinearCombination b = readLc(c, header.wires(), i);
            LinearCombination cc = readLc(c, header.wires(), i);
            constraints.add(new Constraint(a, b, cc));
        }
        return new Parsed(header, new ConstraintSystem(header.wires(), header.publicOutputs() + header.publicInputs(), constraints));
    }

    private static LinearCombination readLc(ByteBuffer c, int wires, int constraint) {
        if (c.remaining() < 4) {
            throw new ZkFormatException("r1cs: constraint " + constraint + " truncated");
        }
        int n = c.getInt();
        BinaryFile.requireFits("r1cs constraint " + constraint, n, 36, c.remaining());
        int[] w = new int[n];
        Fr[] k = new Fr[n];
        byte[] buf = new byte[32];
        for (int t = 0; t < n; t++) {
            w[t] = c.getInt();
            if (w[t] < 0 || w[t] >= wires) {
                throw new ZkFormatException("r1cs: constraint " + constraint + " uses wire " + Integer.toUnsignedString(w[t]) + " of " + wires);
            }
            c.get(buf);
            k[t] = Fr.fromBytesLE(buf, 0);
        }
        return LinearCombination.of(w, k);
    }

    static BigInteger leToBigInteger(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }
}
