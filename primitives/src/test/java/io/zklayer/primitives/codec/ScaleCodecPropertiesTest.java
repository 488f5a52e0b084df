package io.zklayer.primitives.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zklayer.primitives.TestData;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.AdditionalSigned;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Era;
import io.zklayer.primitives.types.EventLayout;
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
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties every codec keeps: encode/decode round-trips; arbitrary or mutated bytes make a
 * decoder either throw {@link ScaleDecodeException} or decode to a value that re-encodes to exactly
 * those bytes (strict decoders accept only canonical encodings); hostile length prefixes fail.
 */
class ScaleCodecPropertiesTest {
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Fields of the test runtime's events: (5, 2) a transfer, (0, 0) no fields, (7, 1) a u32. */
    static final EventLayout TEST_LAYOUT = (pallet, event) -> {
        if (pallet == 5 && event == 2) {
            return Optional.of(ScaleCodecs.tuple(AccountId32.CODEC, AccountId32.CODEC, ScaleCodecs.U128));
        }
        if (pallet == 0 && event == 0) {
            return Optional.of(ScaleCodecs.unit("()", Boolean.TRUE));
        }
        if (pallet == 7 && event == 1) {
            return Optional.of(ScaleCodecs.U32);
        }
        return Optional.empty();
    };

    /** A codec and a seeded generator of its values. */
    record Sample<T>(ScaleCodec<T> codec, Function<TestData, T> generate) {
        @Override
        public String toString() {
            return codec.typeName();
        }
    }

    private static <T> Sample<T> sample(ScaleCodec<T> codec, Function<TestData, T> generate) {
        return new Sample<>(codec, generate);
    }

    /** Every built-in codec, a few composites, and every core type. */
    static final List<Sample<?>> SAMPLES = List.of(
            sample(ScaleCodecs.U8, d -> d.nextInt(256)),
            sample(ScaleCodecs.U16, d -> d.nextInt(65536)),
            sample(ScaleCodecs.U32, TestData::u32),
            sample(ScaleCodecs.U64, d -> new BigInteger(64, new Random(d.u32())).longValue()),
            sample(ScaleCodecs.U128, d -> d.u128(128)),
            sample(ScaleCodecs.I8, d -> d.nextInt(256) - 128),
            sample(ScaleCodecs.I16, d -> d.nextInt(65536) - 32768),
            sample(ScaleCodecs.I32, d -> (int) d.u32()),
            sample(ScaleCodecs.I64, d -> d.nextLong(Long.MAX_VALUE) - d.nextLong(Long.MAX_VALUE)),
            sample(ScaleCodecs.I128, d -> d.u128(128).subtract(BigInteger.ONE.shiftLeft(127))),
            sample(ScaleCodecs.COMPACT_U32, d -> d.u32() >>> d.nextInt(33)),
            sample(ScaleCodecs.COMPACT_U64, d -> new BigInteger(64, new Random(d.u32())).shiftRight(d.nextInt(65)).longValue()),
            sample(ScaleCodecs.COMPACT_U128, d -> d.u128(d.nextInt(129))),
            sample(ScaleCodecs.BOOL, d -> d.nextInt(2) == 1),
            sample(ScaleCodecs.OPTION_BOOL, d -> d.nextInt(3) == 0 ? Optional.empty() : Optional.of(d.nextInt(2) == 1)),
            sample(ScaleCodecs.BYTES, d -> d.bytes(d.nextInt(100))),
            sample(ScaleCodecs.STRING, ScaleCodecPropertiesTest::unicodeText),
            sample(ScaleCodecs.fixedBytes(4), d -> d.bytes(4)),
            sample(ScaleCodecs.option(ScaleCodecs.U32), d -> d.nextInt(2) == 0 ? Optional.empty() : Optional.of(d.u32())),
            sample(ScaleCodecs.option(ScaleCodecs.BOOL), d -> d.nextInt(3) == 0 ? Optional.empty() : Optional.of(d.nextInt(2) == 1)),
            sample(ScaleCodecs.result(ScaleCodecs.U32, ScaleCodecs.STRING),
                    d -> d.nextInt(2) == 0 ? ScaleResult.ok(d.u32()) : ScaleResult.err(unicodeText(d))),
            sample(ScaleCodecs.vec(ScaleCodecs.U16), d -> list(d, 20, x -> x.nextInt(65536))),
            sample(ScaleCodecs.vec(ScaleCodecs.BYTES), d -> list(d, 5, x -> x.bytes(x.nextInt(10)))),
            sample(ScaleCodecs.array(ScaleCodecs.COMPACT_U32, 3), d -> list3(d)),
            sample(ScaleCodecs.tuple(ScaleCodecs.U8, ScaleCodecs.BYTES), d -> new Tuple2<>(d.nextInt(256), d.bytes(d.nextInt(9)))),
            sample(ScaleCodecs.tuple(ScaleCodecs.U32, ScaleCodecs.BYTES, ScaleCodecs.BOOL),
                    d -> new Tuple3<>(d.u32(), d.bytes(d.nextInt(9)), d.nextInt(2) == 1)),
            sample(ScaleCodecs.btreeMap(ScaleCodecs.U32, ScaleCodecs.BYTES, Comparator.<Long>naturalOrder()), d -> {
                TreeMap<Long, byte[]> m = new TreeMap<>();
                int n = d.nextInt(6);
                for (int i = 0; i < n; i++) {
                    m.put(d.u32() >>> d.nextInt(32), d.bytes(d.nextInt(5)));
                }
                return m;
            }),
            sample(ScaleCodecs.btreeMap(ScaleCodecs.STRING, ScaleCodecs.U8, ScaleCodecs.UTF8_ORDER), d -> {
                TreeMap<String, Integer> m = new TreeMap<>(ScaleCodecs.UTF8_ORDER);
                int n = d.nextInt(5);
                for (int i = 0; i < n; i++) {
                    m.put(unicodeText(d), d.nextInt(256));
                }
                return m;
            }),
            sample(H256.CODEC, TestData::h256),
            sample(AccountId32.CODEC, TestData::accountId),
            sample(DigestItem.CODEC, TestData::digestItem),
            sample(Digest.CODEC, TestData::digest),
            sample(Header.CODEC, TestData::header),
            sample(Block.CODEC, TestData::block),
            sample(Era.CODEC, TestData::era),
            sample(MultiAddress.CODEC, TestData::multiAddress),
            sample(MultiSignature.CODEC, TestData::multiSignature),
            sample(SignedExtra.CODEC, TestData::signedExtra),
            sample(AdditionalSigned.CODEC, d -> d.additionalSigned(d.era(), d.h256())),
            sample(ExtrinsicSignature.CODEC, d -> new ExtrinsicSignature(d.multiAddress(), d.multiSignature(), d.signedExtra())),
            sample(UncheckedExtrinsic.CODEC, TestData::uncheckedExtrinsic),
            sample(OpaqueExtrinsic.CODEC, d -> d.uncheckedExtrinsic().toOpaque()),
            sample(Phase.CODEC, TestData::phase),
            sample(EventRecord.listCodec(TEST_LAYOUT), d -> List.of(
                    d.eventRecord(5, 2, 80), d.eventRecord(0, 0, 0), d.eventRecord(7, 1, 4))),
            sample(Justifications.CODEC, TestData::justifications),
            sample(Justification.CODEC, d -> new Justification(d.engineId(), d.bytes(d.nextInt(30)))),
            sample(ConsensusEngineId.CODEC, TestData::engineId),
            sample(Call.CODEC, TestData::call),
            sample(RuntimeEvent.codec(TEST_LAYOUT), d -> d.eventRecord(7, 1, 4).event()),
            sample(EventRecord.codec(TEST_LAYOUT), d -> d.eventRecord(5, 2, 80)),
            sample(ScaleEnum.ofUnitEnum("Scheme", MultiSignature.Scheme.class, MultiSignature.Scheme::index),
                    d -> MultiSignature.Scheme.values()[d.nextInt(3)]));

    private static String unicodeText(TestData d) {
        StringBuilder sb = new StringBuilder();
        int n = d.nextInt(8);
        for (int i = 0; i < n; i++) {
            int cp;
            switch (d.nextInt(4)) {
                case 0: cp = 0x20 + d.nextInt(0x5f); break;
                case 1: cp = 0x80 + d.nextInt(0x780); break;
                case 2: cp = 0xE000 + d.nextInt(0x2000); break;
                default: cp = 0x10000 + d.nextInt(0x100000); break;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static <T> List<T> list(TestData d, int max, Function<TestData, T> element) {
        List<T> out = new ArrayList<>();
        int n = d.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(d));
        }
        return out;
    }

    private static List<Long> list3(TestData d) {
        return List.of(d.u32(), d.u32() >>> 20, (long) d.nextInt(64));
    }

    @Provide
    Arbitrary<Sample<?>> samples() {
        return Arbitraries.of(SAMPLES);
    }

    private static <T> void assertRoundTrips(Sample<T> sample, TestData data) {
        T value = sample.generate().apply(data);
        byte[] encoded = sample.codec().encode(value);
        T decoded = sample.codec().decode(encoded);
        assertThat(comparable(decoded)).as("%s round trip", sample).isEqualTo(comparable(value));
        assertThat(sample.codec().encode(decoded)).isEqualTo(encoded);
        assertThat(encoded.length).isGreaterThanOrEqualTo(sample.codec().minEncodedSize());
    }

    /**
     * Returns a form of a decoded value whose {@code equals} compares contents: byte arrays become
     * hex, maps become their entries in iteration order (so key order is compared too).
     */
    static Object comparable(Object o) {
        if (o instanceof byte[] b) {
            return io.zklayer.primitives.Hex.encode(b);
        }
        if (o instanceof List<?> l) {
            return l.stream().map(ScaleCodecPropertiesTest::comparable).toList();
        }
        if (o instanceof Optional<?> opt) {
            return opt.map(ScaleCodecPropertiesTest::comparable);
        }
        if (o instanceof Tuple2<?, ?> t) {
            return List.of("Tuple2", comparable(t.first()), comparable(t.second()));
        }
        if (o instanceof Tuple3<?, ?, ?> t) {
            return List.of("Tuple3", comparable(t.first()), comparable(t.second()), comparable(t.third()));
        }
        if (o instanceof ScaleResult.Ok<?, ?> ok) {
            return List.of("Ok", comparable(ok.value()));
        }
        if (o instanceof ScaleResult.Err<?, ?> err) {
            return List.of("Err", comparable(err.error()));
        }
        if (o instanceof java.util.Map<?, ?> m) {
            return m.entrySet().stream().map(e -> List.of(comparable(e.getKey()), comparable(e.getValue()))).toList();
        }
        return o;
    }

    @Property(tries = 300, seed = "20261121")
    void everyCodecRoundTripsSeededValues(@ForAll long seed) {
        TestData data = new TestData(seed);
        for (Sample<?> sample : SAMPLES) {
            assertRoundTrips(sample, data);
        }
    }

    /** Decodes {@code bytes}; the only allowed failure is ScaleDecodeException, a success must be canonical. */
    private static <T> void assertStrict(ScaleCodec<T> codec, byte[] bytes) {
        T decoded;
        try {
            decoded = codec.decode(bytes);
        } catch (ScaleDecodeException expected) {
            assertThat(expected.getMessage()).contains(" at offset ");
            assertThat(expected.offset()).isBetween(0, bytes.length);
            return;
        }
        assertThat(codec.encode(decoded)).as("%s accepted a non-canonical encoding", codec.typeName()).isEqualTo(bytes);
    }

    @Property(tries = 300, seed = "20261121")
    void randomBytesEitherFailCleanlyOrAreCanonical(@ForAll @Size(max = 160) byte[] bytes) {
        for (Sample<?> sample : SAMPLES) {
            assertStrict(sample.codec(), bytes);
        }
    }

    @Property(tries = 100, seed = "20261121")
    void randomBytesAfterAPlausiblePrefixFailCleanlyOrAreCanonical(@ForAll("samples") Sample<?> sample,
            @ForAll long seed, @ForAll @Size(max = 40) byte[] tail) {
        // Start from a valid encoding's first bytes so decoders get past their first tag or prefix.
        TestData data = new TestData(seed);
        byte[] valid = encodeSample(sample, data);
        byte[] head = Arrays.copyOf(valid, valid.length / 2);
        assertStrict(sample.codec(), concat(head, tail));
    }

    @Property(tries = 150, seed = "20261121")
    void mutatedEncodingsEitherFailCleanlyOrAreCanonical(@ForAll long seed) {
        TestData data = new TestData(seed);
        for (Sample<?> sample : SAMPLES) {
            byte[] valid = encodeSample(sample, data);
            for (int m = 0; m < 4; m++) {
                assertStrict(sample.codec(), mutate(valid, data));
            }
        }
    }

    private static <T> byte[] encodeSample(Sample<T> sample, TestData data) {
        return sample.codec().encode(sample.generate().apply(data));
    }

    private static byte[] mutate(byte[] valid, TestData d) {
        int len = valid.length;
        switch (d.nextInt(5)) {
            case 0: { // flip one bit
                if (len == 0) {
                    return new byte[] {(byte) d.nextInt(256)};
                }
                byte[] out = valid.clone();
                out[d.nextInt(len)] ^= (byte) (1 << d.nextInt(8));
                return out;
            }
            case 1: // truncate
                return Arrays.copyOf(valid, len == 0 ? 0 : d.nextInt(len));
            case 2: { // append garbage
                byte[] out = Arrays.copyOf(valid, len + 1 + d.nextInt(4));
                System.arraycopy(d.bytes(out.length - len), 0, out, len, out.length - len);
                return out;
            }
            case 3: { // set one byte to a random value
                if (len == 0) {
                    return d.bytes(1);
                }
                byte[] out = valid.clone();
                out[d.nextInt(len)] = (byte) d.nextInt(256);
                return out;
            }
            default: { // delete one byte
                if (len == 0) {
                    return valid;
                }
                int at = d.nextInt(len);
                byte[] out = new byte[len - 1];
                System.arraycopy(valid, 0, out, 0, at);
                System.arraycopy(valid, at + 1, out, at, len - 1 - at);
                return out;
            }
        }
    }

    @Property(tries = 200, seed = "20261121")
    void lengthPrefixesBeyondTheInputFailBeforeAllocating(
            @ForAll @LongRange(min = 1, max = (1L << 31) - 1) long claimed, @ForAll @Size(max = 64) byte[] tail) {
        byte[] input = concat(ScaleCodecs.COMPACT_U32.encode(claimed), tail);
        List<ScaleCodec<?>> collections = List.of(ScaleCodecs.vec(ScaleCodecs.U64), ScaleCodecs.BYTES,
                ScaleCodecs.STRING, ScaleCodecs.btreeMap(ScaleCodecs.U32, ScaleCodecs.U32, Comparator.naturalOrder()),
                Digest.CODEC, UncheckedExtrinsic.CODEC, OpaqueExtrinsic.CODEC, Justifications.CODEC);
        for (ScaleCodec<?> codec : collections) {
            if (claimed * Math.max(1, minElementSize(codec)) <= tail.length) {
                continue;
            }
            Throwable t = catchThrowable(() -> codec.decode(input));
            assertThat(t).as(codec.typeName()).isInstanceOf(ScaleDecodeException.class);
            assertThat(((ScaleDecodeException) t).offset()).isZero();
            assertThat(t.getMessage()).containsAnyOf("needs at least", "is too large");
        }
    }

    private static int minElementSize(ScaleCodec<?> codec) {
        switch (codec.typeName()) {
            case "Vec<u64>": return 8;
            case "BTreeMap<u32, u32>": return 8;
            case "Digest": return 1;
            case "Justifications": return 5;
            default: return 1;
        }
    }

    @Property(tries = 300, seed = "20261121")
    void compactU128RoundTripsEveryValue(@ForAll("u128") BigInteger v) {
        byte[] encoded = ScaleCodecs.COMPACT_U128.encode(v);
        assertThat(ScaleCodecs.COMPACT_U128.decode(encoded)).isEqualTo(v);
        int expectedLength = v.bitLength() <= 6 ? 1 : v.bitLength() <= 14 ? 2 : v.bitLength() <= 30 ? 4
                : 1 + (v.bitLength() + 7) / 8;
        assertThat(encoded).hasSize(expectedLength);
    }

    @Provide
    Arbitrary<BigInteger> u128() {
        return Arbitraries.integers().between(0, 128)
                .flatMap(bits -> Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)))
                .edgeCases(e -> e.add(U128_MAX));
    }

    @Property(tries = 300, seed = "20261121")
    void fixedWidthIntegersRoundTrip(@ForAll long v, @ForAll int i, @ForAll @IntRange(min = 0, max = 65535) int u16) {
        assertThat(ScaleCodecs.U64.decode(ScaleCodecs.U64.encode(v))).isEqualTo(v);
        assertThat(ScaleCodecs.I64.decode(ScaleCodecs.I64.encode(v))).isEqualTo(v);
        assertThat(ScaleCodecs.I32.decode(ScaleCodecs.I32.encode(i))).isEqualTo(i);
        assertThat(ScaleCodecs.U32.decode(ScaleCodecs.U32.encode(i & 0xFFFFFFFFL))).isEqualTo(i & 0xFFFFFFFFL);
        assertThat(ScaleCodecs.U16.decode(ScaleCodecs.U16.encode(u16))).isEqualTo(u16);
        assertThat(ScaleCodecs.COMPACT_U64.decode(ScaleCodecs.COMPACT_U64.encode(v))).isEqualTo(v);
    }

    @Property(tries = 200, seed = "20261121")
    void stringsRoundTripAnyValidUnicode(@ForAll("validText") String s) {
        assertThat(ScaleCodecs.STRING.decode(ScaleCodecs.STRING.encode(s))).isEqualTo(s);
    }

    @Provide
    Arbitrary<String> validText() {
        return Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .list().ofMaxSize(20)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
