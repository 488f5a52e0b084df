package io.zklayer.primitives.codec;

import java.util.Objects;

/**
 * Rust's {@code Result<T, E>} as a SCALE value: index byte {@code 0x00} then the {@code Ok} value,
 * or {@code 0x01} then the {@code Err} value. {@code Ok(42u32)} → {@code 0x002a000000};
 * {@code Err("bad")} → {@code 0x010c626164}.
 *
 * @param <T> the success type
 * @param <E> the error type
 */
public sealed interface ScaleResult<T, E> {

    /** Returns a success holding {@code value}. */
    static <T, E> ScaleResult<T, E> ok(T value) {
        return new Ok<>(value);
    }

    /** Returns a failure holding {@code error}. */
    static <T, E> ScaleResult<T, E> err(E error) {
        return new Err<>(error);
    }

    /** Returns whether this is an {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The success case (index 0).
     *
     * @param value the success value, not null
     */
    record Ok<T, E>(T value) implements ScaleResult<T, E> {
        /** Checks the value is present. */
        public Ok {
            Objects.requireNonNull(value, "Result::Ok value");
        }
    }

    /**
     * The failure case (index 1).
     *
     * @param error the error value, not null
     */
    record Err<T, E>(E error) implements ScaleResult<T, E> {
        /** Checks the error is present. */
        public Err {
            Objects.requireNonNull(error, "Result::Err value");
        }
    }
}
