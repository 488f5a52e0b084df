package io.zklayer.node.cli;

import java.util.List;
import java.util.Random;

/**
 * Readable default node names in the style Substrate gives nodes without {@code --name}:
 * adjective-noun-four-digits, such as {@code quiet-lantern-0417}. Names only tell nodes apart in
 * logs and telemetry; they carry no meaning.
 */
public final class NodeNameGenerator {
    private static final List<String> ADJECTIVES = List.of(
            "amber", "brave", "calm", "clever", "crisp", "daring", "eager", "fancy", "gentle", "happy",
            "honest", "jolly", "keen", "lively", "lucky", "mellow", "merry", "nimble", "polite", "proud",
            "quick", "quiet", "rapid", "shiny", "silent", "steady", "swift", "tidy", "vivid", "witty");
    private static final List<String> NOUNS = List.of(
            "anchor", "badger", "beacon", "canyon", "cedar", "comet", "falcon", "fern", "glacier", "harbor",
            "heron", "island", "lantern", "maple", "meadow", "otter", "pebble", "pine", "prairie", "raven",
            "reef", "river", "summit", "thistle", "tundra", "valley", "walrus", "willow", "wren", "zephyr");

    private NodeNameGenerator() {}

    /** Returns a name such as {@code quiet-lantern-0417} drawn from {@code random}. */
    public static String generate(Random random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + String.format("%04d", random.nextInt(10_000));
    }
}
