package io.zklayer.runtime.metadata;

/**
 * scale-info's primitive types, in the order of their variant index in {@code TypeDefPrimitive}:
 * {@code U32} is variant 5, so {@code TypeDef::Primitive(u32)} encodes as {@code 0x05 0x05}.
 */
public enum PrimitiveType {
    BOOL("bool"), CHAR("char"), STR("str"), U8("u8"), U16("u16"), U32("u32"), U64("u64"), U128("u128"),
    U256("u256"), I8("i8"), I16("i16"), I32("i32"), I64("i64"), I128("i128"), I256("i256");

    private final String rustName;

    PrimitiveType(String rustName) {
        this.rustName = rustName;
    }

    /** Returns the Rust name, e.g. {@code u128}. */
    public String rustName() {
        return rustName;
    }

    /** Returns the primitive with Rust name {@code name} ({@code String} is {@code str}), if any. */
    public static java.util.Optional<PrimitiveType> byRustName(String name) {
        if (name.equals("String")) {
            return java.util.Optional.of(STR);
        }
        for (PrimitiveType p : values()) {
            if (p.rustName.equals(name)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
