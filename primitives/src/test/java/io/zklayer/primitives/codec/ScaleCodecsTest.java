package io.zklayer.primitives.codec;

import static io.zklayer.primitives.codec.ScaleCodecs.BOOL;
import static io.zklayer.primitives.codec.ScaleCodecs.BYTES;
import static io.zklayer.primitives.codec.ScaleCodecs.COMPACT_U128;
import static io.zklayer.primitives.codec.ScaleCodecs.COMPACT_U32;
import static io.zklayer.primitives.codec.ScaleCodecs.COMPACT_U64;
import static io.zklayer.primitives.codec.ScaleCodecs.OPTION_BOOL;
import static io.zklayer.primitives.codec.ScaleCodecs.STRING;
import static io.zklayer.primitives.codec.ScaleCodecs.U16;
import static io.zklayer.primitives.codec.ScaleCodecs.U32;
import static io.zklayer.primitives.codec.ScaleCodecs.U64;
import static io.zklayer.primitives.codec.ScaleCodecs.U8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ScaleCodecsTest {

    private static <T> ScaleDecodeException decodeFailure(ScaleCodec<T> codec, String hex) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> codec.decode(Hex.decode(hex)));
        assertThat(t).as("decoding %s as %s", hex, codec.typeName()).isInstanceOf(ScaleDecodeException.class);
        return (ScaleDecodeException) t;
    }

    @Test
    void compactEncodesEachModeAtItsBoundaries() {
        assertThat(Hex.encode(COMPACT_U32.encode(63L))).isEqualTo("0xfc");
        assertThat(Hex.encode(COMPACT_U32.encode(64L))).isEqualTo("0x0101");
        assertThat(Hex.encode(COMPACT_U32.encode(16383L))).isEqualTo("0xfdff");
        assertThat(Hex.encode(COMPACT_U32.encode(16384L))).isEqualTo("0x02000100");
        assertThat(Hex.encode(COMPACT_U32.encode((1L << 30) - 1))).isEqualTo("0xfeffffff");
        assertThat(Hex.encode(COMPACT_U32.encode(1L << 30))).isEqualTo("0x0300000040");
        assertThat(Hex.encode(COMPACT_U32.encode(0xFFFFFFFFL))).isEqualTo("0x03ffffffff");
        assertThat(Hex.encode(COMPACT_U64.encode(-1L))).isEqualTo("0x13ffffffffffffffff");
    }

    @Test
    void compactRejectsEveryNonCanonicalForm() {
        assertThat(decodeFailure(COMPACT_U128, "0x0100").getMessage())
                .isEqualTo("Compact<u128> at offset 0: non-canonical encoding of 0 in 2 bytes");
        assertThat(decodeFailure(COMPACT_U128, "0xfd00").reason()).contains("non-canonical encoding of 63 in 2 bytes");
        assertThat(decodeFailure(COMPACT_U128, "0x02000000").reason()).contains("non-canonical");
        assertThat(decodeFailure(COMPACT_U128, "0xfeff0000").reason()).contains("non-canonical encoding of 16383");
        assertThat(decodeFailure(COMPACT_U128, "0x03ffffff3f").reason()).contains("non-canonical");
        // 5-byte big-integer mode with a zero top byte: the value fits 4 bytes.
        assertThat(decodeFailure(COMPACT_U128, "0x07ffffffff00").reason()).contains("non-canonical");
    }

    @Test
    void compactRejectsValuesBeyondItsWidth() {
        assertThat(decodeFailure(COMPACT_U32, "0x070000000001").getMessage())
                .isEqualTo("Compact<u32> at offset 0: value 4294967296 exceeds u32");
        assertThat(decodeFailure(COMPACT_U64, "0x17000000000000000001").reason()).contains("exceeds u64");
        assertThat(decodeFailure(COMPACT_U128, "0x37" + "ff".repeat(17)).reason()).contains("exceeds u128");
    }

    @Test
    void truncatedInputNamesTypeAndOffset() {
        assertThat(decodeFailure(U32, "0x010203").getMessage()).isEqualTo("u32 at offset 0: needs 4 bytes but 3 remain");
        assertThat(decodeFailure(ScaleCodecs.tuple(U8, U32), "0x0701").getMessage())
                .isEqualTo("(u8, u32).1/u32 at offset 1: needs 4 bytes but 1 remain");
    }

    @Test
    void trailingBytesAreRejectedByWholeInputDecode() {
        assertThat(decodeFailure(U32, "0x0100000000").getMessage())
                .isEqualTo("u32 at offset 4: 1 trailing bytes after the value");
    }

    @Test
    void invalidUtf8IsRejected() {
        ScaleDecodeException e = decodeFailure(STRING, "0x08c328");
        assertThat(e.getMessage()).isEqualTo("String at offset 0: invalid UTF-8");
        // An encoded UTF-16 surrogate (CESU-8) is not UTF-8 either.
        assertThat(decodeFailure(STRING, "0x0ceda080").reason()).isEqualTo("invalid UTF-8");
    }

    @Test
    void boolAndOptionTagsAreStrict() {
        assertThat(decodeFailure(BOOL, "0x02").getMessage()).isEqualTo("bool at offset 0: invalid value 0x2");
        assertThat(decodeFailure(ScaleCodecs.option(U8), "0x0201").reason()).isEqualTo("invalid Option tag 0x2");
        assertThat(decodeFailure(OPTION_BOOL, "0x03").reason()).contains("invalid value 0x3");
        assertThat(decodeFailure(ScaleCodecs.result(U8, U8), "0x0201").reason()).isEqualTo("invalid Result index 2");
    }

    @Test
    void optionBoolUsesOneByteWhileGenericOptionBoolUsesTwo() {
        assertThat(Hex.encode(OPTION_BOOL.encode(Optional.of(false)))).isEqualTo("0x02");
        assertThat(Hex.encode(ScaleCodecs.option(BOOL).encode(Optional.of(false)))).isEqualTo("0x0100");
        assertThat(OPTION_BOOL.decode(Hex.decode("0x01"))).contains(true);
        assertThat(OPTION_BOOL.decode(Hex.decode("0x00"))).isEmpty();
    }

    @Test
    void hugeVecPrefixFailsBeforeAllocating() {
        // 2^30 elements of u64 claimed by a 5-byte prefix, followed by 3 bytes.
        ScaleDecodeException e = decodeFailure(ScaleCodecs.vec(U64), "0x0300000040010203");
        assertThat(e.getMessage()).isEqualTo(
                "Vec<u64> at offset 0: length 1073741824 needs at least 8589934592 bytes but 3 remain");
        assertThat(decodeFailure(BYTES, "0x0300000040010203").reason()).contains("needs at least 1073741824 bytes");
        assertThat(decodeFailure(ScaleCodecs.vec(BYTES), "0x0300000040010203").reason())
                .contains("needs at least 1073741824 bytes");
        assertThat(decodeFailure(STRING, "0xfeffffff00").reason()).contains("needs at least");
    }

    @Test
    void hugePrefixesAllocateAlmostNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] hostile = Hex.decode("0x0300000040010203");
        List<ScaleCodec<?>> codecs = List.of(BYTES, STRING, ScaleCodecs.vec(U64), ScaleCodecs.vec(BYTES),
                ScaleCodecs.vec(ScaleCodecs.vec(U8)), ScaleCodecs.btreeMap(U32, U32, Comparator.naturalOrder()),
                ScaleCodecs.array(U64, 1 << 30));
        long before = threads.getCurrentThreadAllocatedBytes();
        for (ScaleCodec<?> codec : codecs) {
            assertThatThrownBy(() -> codec.decode(hostile)).isInstanceOf(ScaleDecodeException.class);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Each claim is a gigabyte or more; what was allocated is exception objects and messages.
        assertThat(allocated).isLessThan(4L << 20);
    }

    @Test
    void vecOfManySmallElementsDecodesWhenTheInputHoldsThem() {
        byte[] encoded = ScaleCodecs.vec(U8).encode(java.util.Collections.nCopies(10_000, 7));
        assertThat(ScaleCodecs.vec(U8).decode(encoded)).hasSize(10_000).containsOnly(7);
    }

    @Test
    void btreeMapSortsByKeyOrderNotByEncodedBytes() {
        var codec = ScaleCodecs.btreeMap(U32, U16, Comparator.<Long>naturalOrder());
        // 256 = 0x00010000 sorts before 1 = 0x01000000 as bytes, but after it as a number (Rust's Ord).
        byte[] encoded = codec.encode(Map.of(256L, 2, 1L, 1));
        assertThat(Hex.encode(encoded)).isEqualTo("0x08" + "01000000" + "0100" + "00010000" + "0200");
        Map<Long, Integer> decoded = codec.decode(encoded);
        assertThat(decoded).isInstanceOf(SortedMap.class);
        assertThat(decoded).containsExactly(Map.entry(1L, 1), Map.entry(256L, 2));
    }

    @Test
    void btreeMapRejectsUnsortedAndDuplicateKeys() {
        var codec = ScaleCodecs.btreeMap(U32, U16, Comparator.<Long>naturalOrder());
        assertThat(decodeFailure(codec, "0x08" + "00010000" + "0200" + "01000000" + "0100").getMessage())
                .isEqualTo("BTreeMap<u32, u16> at offset 7: keys not in ascending order at entry 1");
        assertThat(decodeFailure(codec, "0x08" + "01000000" + "0200" + "01000000" + "0100").reason())
                .isEqualTo("duplicate key at entry 1");
    }

    @Test
    void btreeMapWithByteKeysOrdersUnsignedLexicographically() {
        var codec = ScaleCodecs.btreeMap(BYTES, U8, ScaleCodecs.UNSIGNED_BYTES_ORDER);
        java.util.TreeMap<byte[], Integer> map = new java.util.TreeMap<>(ScaleCodecs.UNSIGNED_BYTES_ORDER);
        map.put(new byte[] {(byte) 0x80}, 1);
        map.put(new byte[] {0x01, 0x02}, 2);
        assertThat(Hex.encode(codec.encode(map))).isEqualTo("0x08" + "080102" + "02" + "0480" + "01");
    }

    @Test
    void utf8OrderDiffersFromJavaStringOrderForSupplementaryCharacters() {
        String bmpHigh = "\uFF21"; // U+FF21, UTF-8 EF BC A1
        String supplementary = "\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
        assertThat(bmpHigh.compareTo(supplementary)).isPositive();
        assertThat(ScaleCodecs.UTF8_ORDER.compare(bmpHigh, supplementary)).isNegative();
    }

    @Test
    void enumRejectsUnknownIndexWithTypeAndOffset() {
        ScaleCodec<Object> codec = ScaleEnum.builder("Sample")
                .variant(0, "A", String.class, STRING)
                .variant(3, "B", Long.class, U32)
                .build();
        assertThat(Hex.encode(codec.encode(5L))).isEqualTo("0x0305000000");
        assertThat(codec.decode(Hex.decode("0x000c616263"))).isEqualTo("abc");
        assertThat(decodeFailure(codec, "0x01").getMessage()).isEqualTo("Sample at offset 0: unknown variant index 1");
        assertThat(decodeFailure(codec, "0x0305").getMessage())
                .isEqualTo("Sample::B/u32 at offset 1: needs 4 bytes but 1 remain");
    }

    private enum Pays { YES, NO }

    @Test
    void unitEnumsEncodeTheirIndexAndRejectUnknownOnes() {
        ScaleCodec<Pays> codec = ScaleEnum.ofUnitEnum("Pays", Pays.class, Enum::ordinal);
        assertThat(Hex.encode(codec.encode(Pays.NO))).isEqualTo("0x01");
        assertThat(codec.decode(Hex.decode("0x00"))).isEqualTo(Pays.YES);
        assertThat(decodeFailure(codec, "0x02").getMessage()).isEqualTo("Pays at offset 0: unknown variant index 2");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ScaleEnum.ofUnitEnum("Pays", Pays.class, p -> 3))
                .withMessage("Pays: variant index 3 used twice");
    }

    private record Point(long x, Optional<Integer> label) {
        Point {
            if (x == 13) {
                throw new IllegalArgumentException("Point x must not be 13");
            }
        }
    }

    private static final ScaleCodec<Point> POINT = ScaleRecord.of("Point",
            ScaleRecord.field("x", U32, Point::x),
            ScaleRecord.field("label", ScaleCodecs.option(U8), Point::label),
            Point::new);

    @Test
    void recordsEncodeFieldsInOrderAndNameFailingFields() {
        assertThat(Hex.encode(POINT.encode(new Point(1, Optional.of(9))))).isEqualTo("0x010000000109");
        assertThat(POINT.decode(Hex.decode("0x0200000000"))).isEqualTo(new Point(2, Optional.empty()));
        assertThat(decodeFailure(POINT, "0x0100000005").getMessage())
                .isEqualTo("Point.label/Option<u8> at offset 4: invalid Option tag 0x5");
    }

    @Test
    void recordConstructorRefusalBecomesDecodeError() {
        assertThat(decodeFailure(POINT, "0x0d00000000").getMessage()).isEqualTo("Point at offset 0: Point x must not be 13");
    }

    @Test
    void fixedArraysCheckLengths() {
        assertThat(Hex.encode(ScaleCodecs.array(U16, 2).encode(List.of(1, 2)))).isEqualTo("0x01000200");
        assertThatThrownBy(() -> ScaleCodecs.array(U16, 2).encode(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 2 elements");
        assertThatThrownBy(() -> ScaleCodecs.fixedBytes(4).encode(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 4 bytes");
        assertThat(decodeFailure(ScaleCodecs.array(U64, 3), "0x0102").reason())
                .isEqualTo("needs at least 24 bytes but 2 remain");
    }

    @Test
    void encodingOutOfRangeValuesIsACallerBug() {
        assertThatThrownBy(() -> U8.encode(256)).isInstanceOf(IllegalArgumentException.class).hasMessage("u8 out of range: 256");
        assertThatThrownBy(() -> COMPACT_U32.encode(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> COMPACT_U128.encode(BigInteger.ONE.shiftLeft(128)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleCodecs.U128.encode(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedIntegersUseTwosComplement() {
        assertThat(Hex.encode(ScaleCodecs.I8.encode(-2))).isEqualTo("0xfe");
        assertThat(Hex.encode(ScaleCodecs.I16.encode(-2))).isEqualTo("0xfeff");
        assertThat(Hex.encode(ScaleCodecs.I64.encode(-2L))).isEqualTo("0xfeffffffffffffff");
        assertThat(Hex.encode(ScaleCodecs.I128.encode(BigInteger.valueOf(-2)))).isEqualTo("0xfe" + "ff".repeat(15));
        assertThat(ScaleCodecs.I128.decode(Hex.decode("0x" + "00".repeat(15) + "80")))
                .isEqualTo(BigInteger.ONE.shiftLeft(127).negate());
    }
}
