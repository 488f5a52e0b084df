package io.zklayer.node.cli;

import io.zklayer.genesis.ChainType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault a validator injects on purpose ({@code zklayer run --unsafe-misbehave <kind>[,<kind>…]}), so that
 * tests on a local network can watch the other validators catch and punish it, as CometBFT's e2e
 * "misbehaviour" nodes do. Only Development and Local chains accept it ({@link #checkAllowed}).
 *
 * <ul>
 *   <li>{@code double-author} — in each of its slots the node seals a second, different valid block on the
 *       same parent and announces both (an authorship equivocation).</li>
 *   <li>{@code double-vote} — in each finality round it signs and gossips a second prevote and precommit
 *       for another block (a vote equivocation).</li>
 * </ul>
 */
public enum Misbehaviour {
    /** Two blocks sealed in each of the node's slots. */
    DOUBLE_AUTHOR("double-author"),
    /** Two prevotes and two precommits signed in each finality round. */
    DOUBLE_VOTE("double-vote");

    private final String cliName;

    Misbehaviour(String cliName) {
        this.cliName = cliName;
    }

    /** Returns the name on the command line, e.g. {@code double-author}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Returns the misbehaviours named by {@code values} (each a name or a comma list; repeats are fine).
     *
     * @throws InvalidConfigException naming {@code --unsafe-misbehave} and the known names for an unknown one
     */
    public static Set<Misbehaviour> parse(List<String> values) {
        Set<Misbehaviour> out = EnumSet.noneOf(Misbehaviour.class);
        for (String value : values) {
            for (String name : value.split(",")) {
                String wanted = name.trim().toLowerCase(Locale.ROOT);
                out.add(Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst().orElseThrow(() ->
                        new InvalidConfigException("--unsafe-misbehave: unknown misbehaviour '" + name.trim()
                                + "'; the known ones are: " + names(EnumSet.allOf(Misbehaviour.class)))));
            }
        }
        return out;
    }

    /** Returns the command-line names, comma separated: {@code double-author,double-vote}. */
    public static String names(Set<Misbehaviour> set) {
        return set.stream().map(Misbehaviour::cliName).collect(Collectors.joining(","));
    }

    /**
     * Checks the rule that fault injection runs only on test chains.
     *
     * @throws InvalidConfigException when {@code misbehave} is not empty and the chain is not Development or Local
     */
    public static void checkAllowed(Set<Misbehaviour> misbehave, ChainType chainType, String chainId) {
        if (!misbehave.isEmpty() && chainType != ChainType.DEVELOPMENT && chainType != ChainType.LOCAL) {
            throw new InvalidConfigException("--unsafe-misbehave is allowed only on Development and Local chains (fault "
                    + "injection for tests); chain '" + chainId + "' is " + chainType.jsonName());
        }
    }
}
