package io.zklayer.sdk.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.sdk.Evaluation;
import io.zklayer.zk.field.Fr;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArtifactManifestTest {
    private static ArtifactManifest.FileEntry file(String name, int fill) {
        byte[] h = new byte[32];
        java.util.Arrays.fill(h, (byte) fill);
        return new ArtifactManifest.FileEntry(name, h);
    }

    private static ArtifactManifest sample(Optional<ArtifactManifest.FileEntry> pk, ArtifactManifest.SetupInfo setup) {
        return new ArtifactManifest("digits", file("model.zkm", 1), file("model.json", 2), file("contract.wasm", 3),
                file("circuit.r1cs", 4), file("verification_key.json", 5), pk, Fr.of(123456789),
                new ArtifactManifest.CircuitInfo(31347, 31191, 3, 1, 32768), setup, Optional.of(new Evaluation(359, 353, 352)));
    }

    @Test
    void roundTripsThroughJsonWithAndWithoutOptionalParts() {
        ArtifactManifest dev = sample(Optional.of(file("proving_key.zkey", 6)), ArtifactManifest.SetupInfo.dev(0x5a4b4c5f44455631L));
        ArtifactManifest back = ArtifactManifest.parse(dev.toJson());
        assertThat(back.toJson()).isEqualTo(dev.toJson());
        assertThat(back.provingKey()).contains(file("proving_key.zkey", 6));
        assertThat(back.setup().seed()).isEqualTo(0x5a4b4c5f44455631L);
        assertThat(dev.toJson()).contains("\"seed\" : \"0x5a4b4c5f44455631\"")
                .contains("\"weightCommitment\" : \"0x00000000000000000000000000000000000000000000000000000000075bcd15\"");

        byte[] ptauHash = new byte[32];
        ptauHash[0] = 7;
        ArtifactManifest ptau = sample(Optional.empty(), new ArtifactManifest.SetupInfo("ptau", 0, Optional.of(ptauHash), 16));
        ArtifactManifest back2 = ArtifactManifest.parse(ptau.toJson());
        assertThat(back2.provingKey()).isEmpty();
        assertThat(back2.setup().power()).isEqualTo(16);
        assertThat(back2.setup().ptauHash().orElseThrow()).isEqualTo(ptauHash);
    }

    @Property(tries = 200, seed = "20261122")
    void randomManifestsRoundTripThroughJson(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        int outputs = 1 + r.nextInt(10);
        ArtifactManifest m = new ArtifactManifest("m" + Long.toHexString(seed & 0xffff), file("model.zkm", r.nextInt()),
                file("model.json", r.nextInt()), file("contract.wasm", r.nextInt()), file("circuit.r1cs", r.nextInt()),
                file("verification_key.json", r.nextInt()),
                r.nextBoolean() ? Optional.of(file("proving_key.zkey", r.nextInt())) : Optional.empty(), Fr.random(r),
                new ArtifactManifest.CircuitInfo(1 + r.nextInt(1 << 20), 1 + r.nextInt(1 << 20), outputs + 2, outputs, 1 << (3 + r.nextInt(20))),
                r.nextBoolean() ? ArtifactManifest.SetupInfo.dev(r.nextLong())
                        : new ArtifactManifest.SetupInfo("ptau", 0, Optional.of(new byte[32]), 1 + r.nextInt(28)),
                r.nextBoolean() ? Optional.of(new Evaluation(100, r.nextInt(101), r.nextInt(101))) : Optional.empty());
        assertThat(ArtifactManifest.parse(m.toJson()).toJson()).isEqualTo(m.toJson());
    }

    @Test
    void errorsNameTheJsonPath() {
        String good = sample(Optional.empty(), ArtifactManifest.SetupInfo.dev(1)).toJson();
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("\"name\"", "\"nome\"")))
                .hasMessageContaining("manifest.name: missing");
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("\"version\" : 1", "\"version\" : 1, \"extra\" : 2")))
                .hasMessageContaining("manifest.extra: unknown field");
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("\"model.zkm\"", "\"../etc/passwd\"")))
                .hasMessageContaining("must be a plain file name");
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("\"constraints\" : 31347", "\"constraints\" : \"many\"")))
                .hasMessageContaining("manifest.circuit.constraints: must be an integer");
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("dev-seeded", "trusted")))
                .hasMessageContaining("manifest.setup.kind");
        assertThatThrownBy(() -> ArtifactManifest.parse(good.replace("\"samples\" : 359", "\"samples\" : 3")))
                .hasMessageContaining("manifest.evaluation");
        assertThatThrownBy(() -> ArtifactManifest.parse("{")).hasMessageContaining("manifest: not JSON");
        assertThatThrownBy(() -> ArtifactManifest.requireName("Digits!")).hasMessageContaining("model name \"Digits!\"");
    }
}
