package io.zklayer.sdk.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.sdk.SdkTestData;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.r1cs.BinaryFile;
import io.zklayer.zk.r1cs.R1csFile;
import io.zklayer.primitives.model.ModelTestData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class R1csWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"dot2/dot2.r1cs", "lt/lt.r1cs"})
    void rewritingACircomFileReproducesItsConstraintSectionByteForByte(String file) {
        byte[] circom = SdkTestData.resource("/vectors/snarkjs/" + file);
        R1csFile.Parsed parsed = R1csFile.read(circom);
        byte[] ours = R1csWriter.write(parsed.system(), parsed.header().publicOutputs());
        assertThat(ZkeyWriterTest.bytes(BinaryFile.parse(ours, "r1cs").section(2)))
                .isEqualTo(ZkeyWriterTest.bytes(BinaryFile.parse(circom, "r1cs").section(2)));
        R1csFile.Header h = R1csFile.read(ours).header();
        assertThat(h.wires()).isEqualTo(parsed.header().wires());
        assertThat(h.publicOutputs()).isEqualTo(parsed.header().publicOutputs());
        assertThat(h.publicInputs()).isEqualTo(parsed.header().publicInputs());
        assertThat(h.constraints()).isEqualTo(parsed.header().constraints());
    }

    @Test
    void aModelCircuitReadsBackAsTheSameSystemWithOutputsAndCommitmentsSplit() {
        ModelCircuit c = ModelCircuit.of(SdkTestData.smallModel(3));
        R1csFile.Parsed back = R1csFile.read(R1csWriter.write(c.system(), c.outputSignalCount()));
        assertThat(back.system()).isEqualTo(c.system());
        assertThat(back.header().publicOutputs()).isEqualTo(1);
        assertThat(back.header().publicInputs()).isEqualTo(2);
    }

    @Property(tries = 15, seed = "20261122")
    void everyRandomModelCircuitReadsBackAsTheSameSystem(@ForAll long seed) {
        ModelCircuit c = ModelCircuit.of(new ModelTestData(seed).model());
        byte[] bytes = R1csWriter.write(c.system(), c.outputSignalCount());
        R1csFile.Parsed back = R1csFile.read(bytes);
        assertThat(back.system()).isEqualTo(c.system());
        assertThat(back.header().publicOutputs()).isEqualTo(c.outputSignalCount());
        assertThat(R1csWriter.write(back.system(), c.outputSignalCount())).as("deterministic").isEqualTo(bytes);
    }

    @Test
    void rejectsMoreOutputsThanPublicSignals() {
        ModelCircuit c = ModelCircuit.of(SdkTestData.smallModel(3));
        assertThatThrownBy(() -> R1csWriter.write(c.system(), 4)).hasMessageContaining("4 public outputs out of 3 public signals");
    }
}
