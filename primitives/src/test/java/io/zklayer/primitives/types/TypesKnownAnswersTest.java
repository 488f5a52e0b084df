package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.TestData;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our core types against known answers computed by @polkadot/types and @polkadot/keyring
 * ({@code vectors/polkadot/types-kat.json}, made by {@code types-kat.mjs} beside it).
 */
class TypesKnownAnswersTest {
    private static JsonNode kat;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TypesKnownAnswersTest.class.getResourceAsStream("/vectors/polkadot/types-kat.json")) {
            assertThat(in).isNotNull();
            kat = new ObjectMapper().readTree(in);
        }
    }

    private static H256 repeated(int b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) b);
        return H256.of(bytes);
    }

    private static byte[] filled(int n, int b) {
        byte[] bytes = new byte[n];
        java.util.Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    @Test
    void headerEncodingAndHashMatchPolkadotTypes() {
        Header header = new Header(repeated(0x11), 1234567, repeated(0x22), repeated(0x33), Digest.of(
                new DigestItem.PreRuntime(ConsensusEngineId.AURA, Hex.decode("0x0102030405060708")),
                new DigestItem.Consensus(ConsensusEngineId.GRANDPA, new byte[0]),
                new DigestItem.Other(new byte[] {(byte) 0xff}),
                DigestItem.RuntimeEnvironmentUpdated.INSTANCE,
                new DigestItem.Seal(ConsensusEngineId.AURA, filled(64, 0x44))));
        assertThat(Hex.encode(header.encode())).isEqualTo(kat.at("/header/hex").textValue());
        assertThat(header.hash().toHex()).isEqualTo(kat.at("/header/hash").textValue());
        assertThat(Header.CODEC.decode(Hex.decode(kat.at("/header/hex").textValue()))).isEqualTo(header);
    }

    @Test
    void eraEncodingsBirthsAndDeathsMatchPolkadotTypes() {
        for (JsonNode c : kat.get("eras")) {
            long period = c.get("period").longValue();
            long current = c.get("current").longValue();
            Era.Mortal era = Era.mortal(period, current);
            String hex = c.get("hex").textValue();
            assertThat(Hex.encode(Era.CODEC.encode(era))).as("Era.mortal(%d, %d)", period, current).isEqualTo(hex);
            assertThat(Era.CODEC.decode(Hex.decode(hex))).isEqualTo(era);
            assertThat(era.period()).isEqualTo(c.get("encodedPeriod").longValue());
            if (period == 1_000_000) {
                // Quantized phase 16960 (what the encoding carries and a runtime decodes), not 16961.
                assertThat(era.phase()).isEqualTo(16960);
                assertThat(era.birth(current)).isEqualTo(1_000_000);
                assertThat(era.death(current)).isEqualTo(1_065_536);
            } else {
                assertThat(era.birth(current)).isEqualTo(c.get("birth").longValue());
                assertThat(era.death(current)).isEqualTo(c.get("death").longValue());
            }
        }
    }

    @Test
    void multiAddressVariantsMatchPolkadotTypes() {
        List<MultiAddress> ours = List.of(
                MultiAddress.id(AccountId32.of(filled(32, 0x55))),
                new MultiAddress.Index(70000),
                new MultiAddress.Raw(Hex.decode("0x0102")),
                new MultiAddress.Address32(filled(32, 0x66)),
                new MultiAddress.Address20(filled(20, 0x66)));
        JsonNode cases = kat.get("multiAddress");
        assertThat(cases).hasSize(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            String hex = cases.get(i).get("hex").textValue();
            assertThat(Hex.encode(MultiAddress.CODEC.encode(ours.get(i)))).as(ours.get(i).toString()).isEqualTo(hex);
            assertThat(MultiAddress.CODEC.decode(Hex.decode(hex))).isEqualTo(ours.get(i));
        }
    }

    @Test
    void multiSignatureSchemesMatchPolkadotTypes() {
        List<MultiSignature> ours = List.of(
                new MultiSignature(MultiSignature.Scheme.ED25519, filled(64, 0x77)),
                new MultiSignature(MultiSignature.Scheme.SR25519, filled(64, 0x78)),
                new MultiSignature(MultiSignature.Scheme.ECDSA, filled(65, 0x79)));
        JsonNode cases = kat.get("multiSignature");
        for (int i = 0; i < ours.size(); i++) {
            String hex = cases.get(i).get("hex").textValue();
            assertThat(Hex.encode(MultiSignature.CODEC.encode(ours.get(i)))).isEqualTo(hex);
            assertThat(MultiSignature.CODEC.decode(Hex.decode(hex))).isEqualTo(ours.get(i));
        }
    }

    @Test
    void justificationsAndPhasesMatchPolkadotTypes() {
        Justifications justifications = Justifications.of(
                new Justification(ConsensusEngineId.GRANDPA, Hex.decode("0xaabb")),
                new Justification(ConsensusEngineId.BABE, new byte[0]));
        assertThat(Hex.encode(Justifications.CODEC.encode(justifications)))
                .isEqualTo(kat.at("/justifications/hex").textValue());
        List<Phase> phases = List.of(Phase.applyExtrinsic(3), Phase.FINALIZATION, Phase.INITIALIZATION);
        for (int i = 0; i < phases.size(); i++) {
            String hex = kat.get("phases").get(i).get("hex").textValue();
            assertThat(Hex.encode(Phase.CODEC.encode(phases.get(i)))).isEqualTo(hex);
            assertThat(Phase.CODEC.decode(Hex.decode(hex))).isEqualTo(phases.get(i));
        }
    }

    @Test
    void signingPayloadsAndEd25519SignaturesMatchPolkadotKeyring() {
        TestData.Ed25519TestKey key = new TestData.Ed25519TestKey(Hex.decode(kat.at("/signer/seed").textValue()));
        assertThat(Hex.encode(key.publicKey())).isEqualTo(kat.at("/signer/publicKey").textValue());
        for (JsonNode p : kat.get("payloads")) {
            byte[] method = Hex.decode(p.get("method").textValue());
            Call call = Call.CODEC.decode(method);
            Era era = p.get("era").isNull() ? Era.IMMORTAL
                    : Era.mortal(p.at("/era/period").longValue(), p.at("/era/current").longValue());
            SignedExtra extra = new SignedExtra(era, p.get("nonce").longValue(), BigInteger.valueOf(p.get("tip").longValue()));
            H256 genesis = H256.fromHex(p.get("genesisHash").textValue());
            AdditionalSigned additional = AdditionalSigned.forEra(p.get("specVersion").longValue(),
                    p.get("transactionVersion").longValue(), genesis, era, H256.fromHex(p.get("blockHash").textValue()));
            SigningPayload payload = new SigningPayload(call, extra, additional);

            assertThat(Hex.encode(payload.encode())).isEqualTo(p.get("payload").textValue());
            byte[] signature = key.sign(payload.toSign());
            assertThat(Hex.encode(MultiSignature.CODEC.encode(MultiSignature.ed25519(signature))))
                    .as("ed25519 is deterministic, so the signatures must be equal")
                    .isEqualTo(p.get("signature").textValue());
        }
    }

    @Test
    void theFirstPayloadIsABalancesTransferOfOneHundredTrillion() {
        Call call = Call.CODEC.decode(Hex.decode(kat.at("/payloads/0/method").textValue()));
        assertThat(call.palletIndex()).isEqualTo(5);
        assertThat(call.callIndex()).isZero();
        TransferAllowDeath args = TransferAllowDeath.CODEC.decode(call.args());
        assertThat(args.dest()).isEqualTo(MultiAddress.id(AccountId32.of(filled(32, 0x55))));
        assertThat(args.value()).isEqualTo(BigInteger.valueOf(100_000_000_000_000L));
        assertThat(ScaleCodecs.COMPACT_U128.encode(args.value())).hasSize(7);
    }
}
