package io.zklayer.runtime.metadata;

import java.util.List;

/**
 * One variant of an enum type: its name, fields, the index byte it encodes with, and docs.
 * {@code Balances.transfer_keep_alive} is the variant {@code ("transfer_keep_alive", [dest, value], 3)}
 * of {@code pallet_balances::pallet::Call}.
 *
 * @param name the variant name
 * @param fields the fields that follow the index byte
 * @param index the index byte (0…255)
 * @param docs documentation lines
 */
public record TypeVariant(String name, List<TypeField> fields, int index, List<String> docs) {
    public TypeVariant {
        fields = List.copyOf(fields);
        docs = List.copyOf(docs);
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("variant " + name + ": index must be 0..255, got " + index);
        }
    }
}
