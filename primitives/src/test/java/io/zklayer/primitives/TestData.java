package io.zklayer.primitives;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.AdditionalSigned;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Era;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSignature;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.Justification;
import io.zklayer.primitives.types.Justifications;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.MultiSignature;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.primitives.types.SignedExtra;
import io.zklayer.primitives.types.SigningPayload;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Seeded builder of chain values for tests: the same seed always gives the same hashes,
 * accounts, headers and extrinsics. Shared with other modules through the primitives test-jar.
 *
 * <pre>{@code
 * TestData data = new TestData(42);
 * Header h = data.header();                    // random roots, number, digest
 * UncheckedExtrinsic xt = data.signedExtrinsic(data.ed25519Key(), data.call());
 * }</pre>
 *
 * <p>Signatures are real ed25519 signatures (BouncyCastle) over the {@link SigningPayload} with
 * this builder's {@link #genesisHash()} and {@link #SPEC_VERSION}/{@link #TX_VERSION}.
 */
public final class TestData {
    /** Spec version used in the signing payloads this builder makes. */
    public static final long SPEC_VERSION = 100;
    /** Transaction version used in the signing payloads this builder makes. */
    public static final long TX_VERSION = 1;

    private final Random random;
    private final H256 genesisHash;

    /** Creates a builder whose values all follow from {@code seed}. */
    public TestData(long seed) {
        this.random = new Random(seed);
        this.genesisHash = h256();
    }

    /** Returns {@code n} random bytes. */
    public byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Returns a random int in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Returns a random non-negative long below {@code bound}. */
    public long nextLong(long bound) {
        return Math.floorMod(random.nextLong(), bound);
    }

    /** Returns a random u32 as a long. */
    public long u32() {
        return random.nextInt() & 0xFFFFFFFFL;
    }

    /** Returns a random u128 of up to {@code bits} bits. */
    public BigInteger u128(int bits) {
        return new BigInteger(Math.min(bits, 128), random);
    }

    /** Returns the genesis hash this builder signs against (fixed for the builder). */
    public H256 genesisHash() {
        return genesisHash;
    }

    /** Returns a random hash. */
    public H256 h256() {
        return H256.of(bytes(32));
    }

    /** Returns a random account id. */
    public AccountId32 accountId() {
        return AccountId32.of(bytes(32));
    }

    /** Returns one of Aura, BABE, GRANDPA or a random four-byte engine id. */
    public ConsensusEngineId engineId() {
        switch (random.nextInt(4)) {
            case 0: return ConsensusEngineId.AURA;
            case 1: return ConsensusEngineId.BABE;
            case 2: return ConsensusEngineId.GRANDPA;
            default: return ConsensusEngineId.of(bytes(4));
        }
    }

    /** Returns a random digest item of any variant. */
    public DigestItem digestItem() {
        switch (random.nextInt(5)) {
            case 0: return new DigestItem.PreRuntime(engineId(), bytes(random.nextInt(40)));
            case 1: return new DigestItem.Consensus(engineId(), bytes(random.nextInt(40)));
            case 2: return new DigestItem.Seal(engineId(), bytes(64));
            case 3: return new DigestItem.Other(bytes(random.nextInt(20)));
            default: return DigestItem.RuntimeEnvironmentUpdated.INSTANCE;
        }
    }

    /** Returns a digest of zero to three random items. */
    public Digest digest() {
        List<DigestItem> items = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            items.add(digestItem());
        }
        return new Digest(items);
    }

    /** Returns a header with random parent, number, roots and digest. */
    public Header header() {
        return new Header(h256(), u32(), h256(), h256(), digest());
    }

    /** Returns a header that extends {@code parent} (number + 1, parent hash = its hash). */
    public Header childOf(Header parent) {
        return new Header(parent.hash(), parent.number() + 1, h256(), h256(), digest());
    }

    /** Returns a random era: immortal or mortal with a random period and current block. */
    public Era era() {
        if (random.nextInt(4) == 0) {
            return Era.IMMORTAL;
        }
        return Era.mortal(nextLong(70_000), u32());
    }

    /** Returns a random multi-address, mostly {@code Id}. */
    public MultiAddress multiAddress() {
        switch (random.nextInt(6)) {
            case 0: return new MultiAddress.Index(u32());
            case 1: return new MultiAddress.Raw(bytes(random.nextInt(40)));
            case 2: return new MultiAddress.Address32(bytes(32));
            case 3: return new MultiAddress.Address20(bytes(20));
            default: return MultiAddress.id(accountId());
        }
    }

    /** Returns a random multi-signature of any scheme (random bytes, not a real signature). */
    public MultiSignature multiSignature() {
        MultiSignature.Scheme scheme = MultiSignature.Scheme.values()[random.nextInt(3)];
        return new MultiSignature(scheme, bytes(scheme.length()));
    }

    /** Returns a random call with up to {@code maxArgs} argument bytes. */
    public Call call(int maxArgs) {
        return new Call(random.nextInt(256), random.nextInt(256), bytes(random.nextInt(maxArgs + 1)));
    }

    /** Returns a random call with up to 64 argument bytes. */
    public Call call() {
        return call(64);
    }

    /** Returns random signed extensions. */
    public SignedExtra signedExtra() {
        return new SignedExtra(era(), u32(), random.nextBoolean() ? BigInteger.ZERO : u128(random.nextInt(129)));
    }

    /** Returns a fresh ed25519 key from the seeded stream. */
    public Ed25519TestKey ed25519Key() {
        return new Ed25519TestKey(bytes(32));
    }

    /**
     * Returns the additional signed data for {@code era} against {@link #genesisHash()}; for a
     * mortal era {@code birthBlockHash} is used.
     */
    public AdditionalSigned additionalSigned(Era era, H256 birthBlockHash) {
        return AdditionalSigned.forEra(SPEC_VERSION, TX_VERSION, genesisHash, era, birthBlockHash);
    }

    /** Returns {@code call} signed by {@code key} with random extra, immortal-or-mortal, truly signed. */
    public UncheckedExtrinsic signedExtrinsic(Ed25519TestKey key, Call call) {
        return signedExtrinsic(key, call, signedExtra(), h256());
    }

    /** Returns {@code call} signed by {@code key} with {@code extra}; {@code birthBlockHash} for mortal eras. */
    public UncheckedExtrinsic signedExtrinsic(Ed25519TestKey key, Call call, SignedExtra extra, H256 birthBlockHash) {
        SigningPayload payload = new SigningPayload(call, extra, additionalSigned(extra.era(), birthBlockHash));
        MultiSignature signature = MultiSignature.ed25519(key.sign(payload.toSign()));
        return UncheckedExtrinsic.signed(new ExtrinsicSignature(MultiAddress.id(key.account()), signature, extra), call);
    }

    /** Returns a random extrinsic: signed (with random, not verifying, signature bytes) or unsigned. */
    public UncheckedExtrinsic uncheckedExtrinsic() {
        if (random.nextBoolean()) {
            return UncheckedExtrinsic.unsigned(call());
        }
        return UncheckedExtrinsic.signed(new ExtrinsicSignature(multiAddress(), multiSignature(), signedExtra()), call());
    }

    /** Returns a block with a random header and zero to four random extrinsics. */
    public Block block() {
        List<OpaqueExtrinsic> body = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            body.add(uncheckedExtrinsic().toOpaque());
        }
        return new Block(header(), body);
    }

    /** Returns a random phase. */
    public Phase phase() {
        switch (random.nextInt(3)) {
            case 0: return Phase.applyExtrinsic(random.nextInt(1000));
            case 1: return Phase.FINALIZATION;
            default: return Phase.INITIALIZATION;
        }
    }

    /**
     * Returns an event record whose event is {@code (palletIndex, eventIndex)} with fields made of
     * {@code fieldBytes} random bytes (callers pair this with a layout of fixed-size fields).
     */
    public EventRecord eventRecord(int palletIndex, int eventIndex, int fieldBytes) {
        List<H256> topics = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            topics.add(h256());
        }
        return new EventRecord(phase(), new RuntimeEvent(palletIndex, eventIndex, bytes(fieldBytes)), topics);
    }

    /** Returns zero to two justifications with random engines and bytes. */
    public Justifications justifications() {
        List<Justification> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(new Justification(engineId(), bytes(random.nextInt(100))));
        }
        return new Justifications(list);
    }

    /** An ed25519 key pair for tests, signing with BouncyCastle's RFC 8032 implementation. */
    public static final class Ed25519TestKey {
        private final Ed25519PrivateKeyParameters privateKey;

        /** Creates the key of a 32-byte secret seed. */
        public Ed25519TestKey(byte[] seed) {
            this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        }

        /** Returns the 32-byte public key. */
        public byte[] publicKey() {
            return privateKey.generatePublicKey().getEncoded();
        }

        /** Returns the account of this key. */
        public AccountId32 account() {
            return AccountId32.of(publicKey());
        }

        /** Returns the 64-byte ed25519 signature of {@code message}. */
        public byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        /** Returns whether {@code signature} is a valid ed25519 signature of {@code message} by {@code publicKey}. */
        public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
    }
}
