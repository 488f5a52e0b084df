package io.zklayer.node.cli;

import io.zklayer.primitives.crypto.Ss58;
import java.util.Locale;
import java.util.Map;

/**
 * An SS58 address format as {@code --network} names it: a registered name or a number 0…16383.
 * Names follow the SS58 registry for the few formats this project meets: {@code polkadot} (0),
 * {@code kusama} (2) and {@code substrate} (42, the generic prefix and the default).
 *
 * @param prefix the SS58 prefix
 */
public record Ss58Network(int prefix) {
    private static final Map<String, Integer> BY_NAME = Map.of("polkadot", 0, "kusama", 2, "substrate", 42);

    /** Checks the prefix range. */
    public Ss58Network {
        if (prefix < 0 || prefix > Ss58.MAX_PREFIX) {
            throw new InvalidConfigException("--network must be a name (polkadot, kusama, substrate) or a prefix 0…"
                    + Ss58.MAX_PREFIX + ", got " + prefix);
        }
    }

    /** Returns the generic format, prefix 42 ({@code substrate}). */
    public static Ss58Network generic() {
        return new Ss58Network(Ss58.GENERIC_PREFIX);
    }

    /**
     * Returns the format a name ({@code substrate}) or decimal prefix ({@code 42}) means.
     *
     * @throws InvalidConfigException for an unknown name or a prefix out of range
     */
    public static Ss58Network parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Integer named = BY_NAME.get(key);
        if (named != null) {
            return new Ss58Network(named);
        }
        if (!key.matches("[0-9]{1,5}")) {
            throw new InvalidConfigException("--network: unknown network '" + text
                    + "' (polkadot, kusama, substrate, or a prefix 0…" + Ss58.MAX_PREFIX + ")");
        }
        return new Ss58Network(Integer.parseInt(key));
    }

    /** Returns the registered name, or the prefix in decimal when it has none here: {@code substrate}, {@code 7}. */
    public String displayName() {
        return BY_NAME.entrySet().stream()
                .filter(e -> e.getValue() == prefix)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(Integer.toString(prefix));
    }
}
