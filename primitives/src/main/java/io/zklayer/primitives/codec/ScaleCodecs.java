package io.zklayer.primitives.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The built-in SCALE codecs and the combinators that build codecs for composite types.
 *
 * <p>Java types: {@code u8}, {@code u16}, {@code i8}, {@code i16}, {@code i32} are {@link Integer};
 * {@code u32} and {@code i64} are {@link Long}; {@code u64} is a {@link Long} holding the 64 bits
 * (values ≥ 2^63 are negative longs, compare with {@link Long#compareUnsigned}); {@code u128},
 * {@code i128} and {@code Compact<u128>} are {@link BigInteger}; {@code Vec<u8>} and {@code [u8; N]}
 * are {@code byte[]}; {@code Option<T>} is {@link Optional}; {@code Vec<T>} and {@code [T; N]} are
 * unmodifiable {@link List}s; {@code BTreeMap<K, V>} decodes to an unmodifiable {@link SortedMap}.
 *
 * <p>Examples: {@code COMPACT_U128.encode(BigInteger.valueOf(64))} → {@code 0x0101};
 * {@code option(U32).encode(Optional.of(5L))} → {@code 0x0105000000};
 * {@code OPTION_BOOL.encode(Optional.of(false))} → {@code 0x02}.
 */
public final class ScaleCodecs {
    private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFFFFFFL);
    private static final int LIST_CHUNK = 64;

    private ScaleCodecs() {}

    /** {@code u8}: one byte, 0…255. */
    public static final ScaleCodec<Integer> U8 = of("u8", 1, ScaleWriter::u8, ScaleReader::u8);
    /** {@code u16}: two bytes little-endian, 0…65535. */
    public static final ScaleCodec<Integer> U16 = of("u16", 2, ScaleWriter::u16, ScaleReader::u16);
    /** {@code u32}: four bytes little-endian; {@code 305419896} → {@code 0x78563412}. */
    public static final ScaleCodec<Long> U32 = of("u32", 4, ScaleWriter::u32, ScaleReader::u32);
    /** {@code u64}: eight bytes little-endian; the Java long holds the unsigned bits. */
    public static final ScaleCodec<Long> U64 = of("u64", 8, ScaleWriter::u64, ScaleReader::u64);
    /** {@code u128}: sixteen bytes little-endian, 0 … 2^128 − 1. */
    public static final ScaleCodec<BigInteger> U128 = of("u128", 16, ScaleWriter::u128, ScaleReader::u128);
    /** {@code i8}: one byte, two's complement. */
    public static final ScaleCodec<Integer> I8 = of("i8", 1, ScaleWriter::i8, ScaleReader::i8);
    /** {@code i16}: two bytes little-endian, two's complement. */
    public static final ScaleCodec<Integer> I16 = of("i16", 2, ScaleWriter::i16, ScaleReader::i16);
    /** {@code i32}: four bytes little-endian, two's complement; {@code -1} → {@code 0xffffffff}. */
    public static final ScaleCodec<Integer> I32 = of("i32", 4, ScaleWriter::i32, ScaleReader::i32);
    /** {@code i64}: eight bytes little-endian, two's complement. */
    public static final ScaleCodec<Long> I64 = of("i64", 8, ScaleWriter::i64, ScaleReader::i64);
    /** {@code i128}: sixteen bytes little-endian, two's complement. */
    public static final ScaleCodec<BigInteger> I128 = of("i128", 16, ScaleWriter::i128, ScaleReader::i128);

    /** {@code bool}: {@code 0x00} false, {@code 0x01} true, anything else rejected. */
    public static final ScaleCodec<Boolean> BOOL = of("bool", 1, ScaleWriter::bool, ScaleReader::bool);

    /**
     * {@code Compact<u128>}: the four compact modes up to 2^128 − 1. {@code 63} → {@code 0xfc},
     * {@code 64} → {@code 0x0101}, {@code 16384} → {@code 0x02000100}, {@code 2^32} →
     * {@code 0x070000000001}. Decoding rejects an encoding longer than needed.
     */
    public static final ScaleCodec<BigInteger> COMPACT_U128 =
            of("Compact<u128>", 1, ScaleWriter::compact, r -> r.compact("Compact<u128>"));

    /** {@code Compact<u64>}: as {@link #COMPACT_U128} but at most 2^64 − 1, held as the bits of a long. */
    public static final ScaleCodec<Long> COMPACT_U64 = of("Compact<u64>", 1,
            (w, bits) -> w.compact(ScaleReader.u64ToBigInteger(bits)),
            r -> {
                int start = r.position();
                BigInteger v = r.compact("Compact<u64>");
                if (v.bitLength() > 64) {
                    throw new ScaleDecodeException("Compact<u64>", start, "value " + v + " exceeds u64");
                }
                return v.longValue();
            });

    /** {@code Compact<u32>}: as {@link #COMPACT_U128} but at most 2^32 − 1 (block numbers, nonces). */
    public static final ScaleCodec<Long> COMPACT_U32 = of("Compact<u32>", 1,
            (w, v) -> {
                if (v < 0 || v > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("Compact<u32> out of range: " + v);
                }
                w.compact(v);
            },
            r -> {
                int start = r.position();
                BigInteger v = r.compact("Compact<u32>");
                if (v.compareTo(U32_MAX) > 0) {
                    throw new ScaleDecodeException("Compact<u32>", start, "value " + v + " exceeds u32");
                }
                return v.longValue();
            });

    /** {@code Vec<u8>} (also called {@code Bytes}): compact length then the bytes; {@code 0x010203} → {@code 0x0c010203}. */
    public static final ScaleCodec<byte[]> BYTES = of("Vec<u8>", 1, ScaleWriter::bytes, ScaleReader::bytes);

    /** {@code String} (also called {@code Text}): UTF-8 bytes as a {@code Vec<u8>}; invalid UTF-8 is rejected. */
    public static final ScaleCodec<String> STRING = of("String", 1, ScaleWriter::string, ScaleReader::string);

    /**
     * {@code OptionBool}: parity-scale-codec's one-byte {@code Option<bool>}: {@code 0x00} None,
     * {@code 0x01} Some(true), {@code 0x02} Some(false). (A plain {@code Option<bool>} is
     * {@code option(BOOL)}: {@code 0x0101} for Some(true).)
     */
    public static final ScaleCodec<Optional<Boolean>> OPTION_BOOL = of("OptionBool", 1,
            (w, v) -> w.rawByte(v.isEmpty() ? 0 : v.get() ? 1 : 2),
            r -> {
                int b = r.rawByte("OptionBool");
                switch (b) {
                    case 0: return Optional.empty();
                    case 1: return Optional.of(Boolean.TRUE);
                    case 2: return Optional.of(Boolean.FALSE);
                    default:
                        throw new ScaleDecodeException("OptionBool", r.position() - 1,
                                "invalid value 0x" + Integer.toHexString(b) + " (expected 0, 1 or 2)");
                }
            });

    /** Orders {@code byte[]} keys as Rust orders {@code Vec<u8>} and {@code [u8; N]}: unsigned, lexicographic. */
    public static final Comparator<byte[]> UNSIGNED_BYTES_ORDER = Arrays::compareUnsigned;

    /** Orders {@code u64} keys (Java longs holding unsigned bits) as Rust orders {@code u64}. */
    public static final Comparator<Long> U64_ORDER = Long::compareUnsigned;

    /** Orders strings as Rust orders {@code String}: by their UTF-8 bytes, unsigned. */
    public static final Comparator<String> UTF8_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** A function that reads one value; it may throw {@link ScaleDecodeException}. */
    @FunctionalInterface
    public interface Decoder<T> {
        /** Returns the value read from {@code reader}. */
        T decode(ScaleReader reader);
    }

    /**
     * Returns a codec from an encoder and a decoder. An {@link IllegalArgumentException} thrown
     * while decoding (a value constructor refusing what was read) becomes a
     * {@link ScaleDecodeException} at the offset where the value started.
     */
    public static <T> ScaleCodec<T> of(String typeName, int minEncodedSize,
            BiConsumer<ScaleWriter, T> encoder, Decoder<T> decoder) {
        return new FunctionCodec<>(typeName, minEncodedSize, encoder, decoder, List.of());
    }

    /** Returns {@code codec} reporting {@code components} (see {@link ScaleCodec#components()}). */
    private static <T> ScaleCodec<T> withComponents(ScaleCodec<T> codec, ScaleCodec<?>... components) {
        FunctionCodec<T> f = (FunctionCodec<T>) codec;
        return new FunctionCodec<>(f.typeName, f.minEncodedSize, f.encoder, f.decoder, List.of(components));
    }

    /**
     * Returns a codec for {@code T} that has the same bytes as {@code inner}, converting with
     * {@code fromInner} after decoding and {@code toInner} before encoding (H256 over {@code [u8; 32]}).
     */
    public static <I, T> ScaleCodec<T> map(String typeName, ScaleCodec<I> inner,
            Function<I, T> fromInner, Function<T, I> toInner) {
        return withComponents(of(typeName, inner.minEncodedSize(),
                (w, v) -> inner.encode(w, toInner.apply(v)),
                r -> fromInner.apply(inner.decode(r))), inner);
    }

    /** Returns a codec for a value with no bytes at all (Rust's {@code ()} or a unit enum variant). */
    public static <T> ScaleCodec<T> unit(String typeName, T value) {
        return of(typeName, 0, (w, v) -> { }, r -> value);
    }

    /** Returns the codec of {@code [u8; length]}: exactly {@code length} bytes, no prefix. */
    public static ScaleCodec<byte[]> fixedBytes(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("fixed array length must be non-negative: " + length);
        }
        String name = "[u8; " + length + "]";
        return of(name, length, (w, v) -> {
            if (v.length != length) {
                throw new IllegalArgumentException(name + " takes " + length + " bytes, got " + v.length);
            }
            w.raw(v);
        }, r -> r.raw(length, name));
    }

    /** Returns the codec of {@code Option<T>}: {@code 0x00} None, {@code 0x01} then the value. */
    public static <T> ScaleCodec<Optional<T>> option(ScaleCodec<T> element) {
        String name = "Option<" + element.typeName() + ">";
        return withComponents(of(name, 1, (w, v) -> {
            if (v.isEmpty()) {
                w.rawByte(0);
            } else {
                w.rawByte(1);
                element.encode(w, v.get());
            }
        }, r -> {
            int tag = r.rawByte(name);
            if (tag == 0) {
                return Optional.empty();
            }
            if (tag != 1) {
                throw new ScaleDecodeException(name, r.position() - 1, "invalid Option tag 0x" + Integer.toHexString(tag));
            }
            return Optional.of(decodeWithin(name, element, r));
        }), element);
    }

    /** Returns the codec of {@code Result<T, E>}: {@code 0x00} then Ok, {@code 0x01} then Err. */
    public static <T, E> ScaleCodec<ScaleResult<T, E>> result(ScaleCodec<T> ok, ScaleCodec<E> err) {
        String name = "Result<" + ok.typeName() + ", " + err.typeName() + ">";
        return withComponents(of(name, 1 + Math.min(ok.minEncodedSize(), err.minEncodedSize()), (w, v) -> {
            if (v instanceof ScaleResult.Ok<T, E> o) {
                w.rawByte(0);
                ok.encode(w, o.value());
            } else {
                w.rawByte(1);
                err.encode(w, ((ScaleResult.Err<T, E>) v).error());
            }
        }, r -> {
            int tag = r.rawByte(name);
            if (tag == 0) {
                return ScaleResult.ok(decodeWithin(name + "::Ok", ok, r));
            }
            if (tag == 1) {
                return ScaleResult.err(decodeWithin(name + "::Err", err, r));
            }
            throw new ScaleDecodeException(name, r.position() - 1, "invalid Result index " + tag);
        }), ok, err);
    }

    /**
     * Returns the codec of {@code Vec<T>}: compact length then the elements. Decoding refuses a
     * length that the remaining input could not hold at {@link ScaleCodec#minEncodedSize()} bytes per
     * element, and grows the list as elements actually decode.
     */
    public static <T> ScaleCodec<List<T>> vec(ScaleCodec<T> element) {
        String name = "Vec<" + element.typeName() + ">";
        return withComponents(of(name, 1, (w, v) -> {
            w.compact(v.size());
            for (T t : v) {
                element.encode(w, t);
            }
        }, r -> {
            int len = r.length(name, element.minEncodedSize());
            return readElements(name, element, len, r);
        }), element);
    }

    /** Returns the codec of {@code [T; length]}: exactly {@code length} elements, no prefix. */
    public static <T> ScaleCodec<List<T>> array(ScaleCodec<T> element, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("fixed array length must be non-negative: " + length);
        }
        String name = "[" + element.typeName() + "; " + length + "]";
        long min = (long) element.minEncodedSize() * length;
        return withComponents(of(name, (int) Math.min(Integer.MAX_VALUE, min), (w, v) -> {
            if (v.size() != length) {
                throw new IllegalArgumentException(name + " takes " + length + " elements, got " + v.size());
            }
            for (T t : v) {
                element.encode(w, t);
            }
        }, r -> {
            if (min > r.remaining()) {
                throw r.error(name, "needs at least " + min + " bytes but " + r.remaining() + " remain");
            }
            return readElements(name, element, length, r);
        }), element);
    }

    /** Returns the codec of the tuple {@code (A, B)}. */
    public static <A, B> ScaleCodec<Tuple2<A, B>> tuple(ScaleCodec<A> a, ScaleCodec<B> b) {
        String name = "(" + a.typeName() + ", " + b.typeName() + ")";
        return withComponents(of(name, a.minEncodedSize() + b.minEncodedSize(), (w, v) -> {
            a.encode(w, v.first());
            b.encode(w, v.second());
        }, r -> new Tuple2<>(decodeWithin(name + ".0", a, r), decodeWithin(name + ".1", b, r))), a, b);
    }

    /** Returns the codec of the tuple {@code (A, B, C)}. */
    public static <A, B, C> ScaleCodec<Tuple3<A, B, C>> tuple(ScaleCodec<A> a, ScaleCodec<B> b, ScaleCodec<C> c) {
        String name = "(" + a.typeName() + ", " + b.typeName() + ", " + c.typeName() + ")";
        return withComponents(of(name, a.minEncodedSize() + b.minEncodedSize() + c.minEncodedSize(), (w, v) -> {
            a.encode(w, v.first());
            b.encode(w, v.second());
            c.encode(w, v.third());
        }, r -> new Tuple3<>(decodeWithin(name + ".0", a, r), decodeWithin(name + ".1", b, r),
                decodeWithin(name + ".2", c, r))), a, b, c);
    }

    /**
     * Returns the codec of {@code BTreeMap<K, V>}: compact length then {@code (key, value)} pairs in
     * ascending key order. {@code keyOrder} must be the order of the Rust key type's {@code Ord}
     * (numeric for integers — not the order of their little-endian bytes —, {@link #UNSIGNED_BYTES_ORDER}
     * for byte arrays, {@link #UTF8_ORDER} for strings, {@link #U64_ORDER} for u64). Encoding sorts;
     * decoding rejects keys that are not strictly ascending (unsorted or duplicate). Any map can be
     * encoded; decoding returns an unmodifiable {@link SortedMap} in that order.
     */
    public static <K, V> ScaleCodec<Map<K, V>> btreeMap(ScaleCodec<K> key, ScaleCodec<V> value,
            Comparator<? super K> keyOrder) {
        String name = "BTreeMap<" + key.typeName() + ", " + value.typeName() + ">";
        int entryMin = key.minEncodedSize() + value.minEncodedSize();
        return withComponents(of(name, 1, (w, v) -> {
            TreeMap<K, V> sorted = new TreeMap<>(keyOrder);
            sorted.putAll(v);
            if (sorted.size() != v.size()) {
                throw new IllegalArgumentException(name + ": keys equal under the key order");
            }
            w.compact(sorted.size());
            for (Map.Entry<K, V> e : sorted.entrySet()) {
                key.encode(w, e.getKey());
                value.encode(w, e.getValue());
            }
        }, r -> {
            int len = r.length(name, entryMin);
            TreeMap<K, V> out = new TreeMap<>(keyOrder);
            K previous = null;
            for (int i = 0; i < len; i++) {
                int keyStart = r.position();
                K k = decodeWithin(name + " key " + i, key, r);
                if (previous != null) {
                    int c = keyOrder.compare(previous, k);
                    if (c >= 0) {
                        throw new ScaleDecodeException(name, keyStart,
                                c == 0 ? "duplicate key at entry " + i : "keys not in ascending order at entry " + i);
                    }
                }
                out.put(k, decodeWithin(name + " value " + i, value, r));
                previous = k;
            }
            return Collections.unmodifiableSortedMap(out);
        }), key, value);
    }

    /**
     * Decodes one {@code codec} value, prefixing any failure with {@code context} (see
     * {@link ScaleDecodeException#within(String)}).
     */
    public static <T> T decodeWithin(String context, ScaleCodec<T> codec, ScaleReader reader) {
        try {
            return codec.decode(reader);
        } catch (ScaleDecodeException e) {
            throw e.within(context);
        }
    }

    private static <T> List<T> readElements(String name, ScaleCodec<T> element, int count, ScaleReader r) {
        List<T> out = new ArrayList<>(Math.min(count, LIST_CHUNK));
        for (int i = 0; i < count; i++) {
            out.add(decodeWithin(name + "[" + i + "]", element, r));
        }
        return Collections.unmodifiableList(out);
    }

    private static final class FunctionCodec<T> implements ScaleCodec<T> {
        private final String typeName;
        private final int minEncodedSize;
        private final BiConsumer<ScaleWriter, T> encoder;
        private final Decoder<T> decoder;
        private final List<ScaleCodec<?>> components;

        FunctionCodec(String typeName, int minEncodedSize, BiConsumer<ScaleWriter, T> encoder, Decoder<T> decoder,
                      List<ScaleCodec<?>> components) {
            if (minEncodedSize < 0) {
                throw new IllegalArgumentException("minimum encoded size must be non-negative: " + minEncodedSize);
            }
            this.typeName = Objects.requireNonNull(typeName);
            this.minEncodedSize = minEncodedSize;
            this.encoder = Objects.requireNonNull(encoder);
            this.decoder = Objects.requireNonNull(decoder);
            this.components = components;
        }

        @Override
        public List<ScaleCodec<?>> components() {
            return components;
        }

        @Override
        public String typeName() {
            return typeName;
        }

        @Override
        public int minEncodedSize() {
            return minEncodedSize;
        }

        @Override
        public void encode(ScaleWriter writer, T value) {
            Objects.requireNonNull(value, () -> typeName + ": null value");
            encoder.accept(writer, value);
        }

        @Override
        public T decode(ScaleReader reader) {
            int start = reader.position();
            T value;
            try {
                value = decoder.decode(reader);
            } catch (IllegalArgumentException e) {
                throw new ScaleDecodeException(typeName, start, e.getMessage());
            }
            return Objects.requireNonNull(value, () -> typeName + " decoder returned null");
        }

        @Override
        public String toString() {
            return "ScaleCodec[" + typeName + "]";
        }
    }
}
