package io.zklayer.sdk.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.RepoPaths;
import io.zklayer.sdk.SdkTestData;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.ml.ModelCircuit;
import java.nio.file.Files;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeySetupTest {
    @Test
    void theDevSetupIsDeterministicPerSeed() {
        ModelCircuit c = ModelCircuit.of(SdkTestData.smallModel(8));
        var first = KeySetup.dev().run(c).verifyingKey();
        var again = KeySetup.dev().run(c).verifyingKey();
        var other = new KeySetup.DevSeeded(KeySetup.DEV_SEED + 1).run(c).verifyingKey();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(KeySetup.dev().id()).isEqualTo("dev-5a4b4c5f44455631");
        assertThat(KeySetup.dev().describe()).contains("INSECURE");
    }

    @Test
    void aPtauSetupReadsThePowerOfItsFileAndAppliesAPhaseTwoContribution() throws Exception {
        byte[] ptau = Files.readAllBytes(RepoPaths.root().resolve("../shared/vectors/snarkjs/ptau/pot12_final.ptau"));
        KeySetup.FromPtau setup = new KeySetup.FromPtau(ptau, new SecureRandom());
        assertThat(setup.power()).isEqualTo(12);
        assertThat(setup.id()).startsWith("ptau-").hasSize(5 + 16);
        assertThat(setup.describe()).contains("2^12 powers");
        var vk = setup.run(ModelCircuit.of(SdkTestData.smallModel(8))).verifyingKey();
        assertThat(vk.gamma()).as("phase 1 alone leaves gamma = 1").isEqualTo(G2Point.GENERATOR);
        assertThat(vk.delta()).as("the contribution moves delta away from 1").isNotEqualTo(G2Point.GENERATOR);
    }

    @Test
    void aFileThatIsNotAPtauIsRefusedByName() {
        assertThatThrownBy(() -> new KeySetup.FromPtau(new byte[64], new SecureRandom()).power()).hasMessageContaining("ptau");
    }
}
