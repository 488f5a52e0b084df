package io.zklayer.zk.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.zk.Vectors;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.ZkeyFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input never crashes a decoder: it is a ZkFormatException naming the problem, never another exception. */
class DecoderRobustnessTest {
    private static final byte[] R1CS = Vectors.bytes("snarkjs/lt/lt.r1cs");
    private static final byte[] WTNS = Vectors.bytes("snarkjs/lt/proofs/witness_1.wtns");
    private static final byte[] ZKEY = Vectors.bytes("snarkjs/lt/lt_final.zkey");

    @Test
    void truncatedFilesAreFormatErrors() {
        Random random = new Random(1);
        for (int i = 0; i < 40; i++) {
            assertOnlyFormatErrors(Arrays.copyOf(R1CS, random.nextInt(R1CS.length)), R1csFile::read);
            assertOnlyFormatErrors(Arrays.copyOf(WTNS, random.nextInt(WTNS.length)), WtnsFile::read);
            assertOnlyFormatErrors(Arrays.copyOf(ZKEY, random.nextInt(ZKEY.length)), ZkeyFile::read);
        }
    }

    @Test
    void corruptedBytesAreFormatErrorsOrStillDecode() {
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            assertOnlyFormatErrors(flip(R1CS, random), R1csFile::read);
            assertOnlyFormatErrors(flip(WTNS, random), WtnsFile::read);
            assertOnlyFormatErrors(flip(ZKEY, random), ZkeyFile::read);
        }
    }

    @Test
    void hugeDeclaredCountsAreRejectedBeforeAllocation() {
        byte[] r1cs = R1CS.clone();
        ByteBuffer b = ByteBuffer.wrap(r1cs).order(ByteOrder.LITTLE_ENDIAN);
        // nConstraints is the header section's last u32 (offset n8 4 + prime 32 + four u32 16 + nLabels 8)
        b.putInt(BinaryFile.parse(r1cs, "r1cs").sectionOffset(1) + 4 + 32 + 16 + 8, Integer.MAX_VALUE);
        assertThatThrownBy(() -> R1csFile.read(r1cs)).isInstanceOf(ZkFormatException.class).hasMessageContaining("do not fit");
        byte[] wrongMagic = WTNS.clone();
        wrongMagic[0] = 'x';
        assertThatThrownBy(() -> WtnsFile.read(wrongMagic)).isInstanceOf(ZkFormatException.class).hasMessageContaining("magic");
    }

    @Test
    void witnessFileRoundTrips() {
        Fr[] w = WtnsFile.read(WTNS);
        assertThat(WtnsFile.read(WtnsFile.write(w))).containsExactly(w);
        assertThat(WtnsFile.write(w)).isEqualTo(WTNS);
    }

    @Test
    void randomProofBytesAndJsonNeverCrashTheDecoders() {
        Random random = new Random(3);
        byte[] good = SnarkjsJson.readProof(Vectors.text("snarkjs/lt/proofs/proof_1.json")).toBytes();
        for (int i = 0; i < 200; i++) {
            assertOnlyFormatErrors(flip(good, random), Proof::fromBytes);
        }
        String json = Vectors.text("snarkjs/lt/proofs/proof_1.json");
        for (int i = 0; i < 200; i++) {
            char[] c = json.toCharArray();
            c[random.nextInt(c.length)] = "0123456789[]{}\",:x-".charAt(random.nextInt(19));
            String mutated = new String(c);
            assertOnlyFormatErrors(mutated, SnarkjsJson::readProof);
            assertOnlyFormatErrors(mutated, SnarkjsJson::readPublicSignals);
            assertOnlyFormatErrors(mutated, SnarkjsJson::readVerifyingKey);
        }
    }

    private static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static <T> void assertOnlyFormatErrors(T input, Consumer<T> decoder) {
        try {
            decoder.accept(input);
        } catch (ZkFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
