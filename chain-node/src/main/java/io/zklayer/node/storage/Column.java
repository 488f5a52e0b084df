package io.zklayer.node.storage;

import io.zklayer.primitives.storage.StoreColumn;
import java.nio.charset.StandardCharsets;

/**
 * The storage schema: every column with its fixed id, the metadata keys, and the schema version.
 * Ids are never reused for another meaning; a change of any value layout bumps
 * {@link #SCHEMA_VERSION}, and a database of another version is refused at open.
 *
 * <p>Value layouts (all integers little-endian unless said):
 * <ul>
 *   <li>{@link #HEADERS}: block hash → SCALE header bytes as imported.</li>
 *   <li>{@link #BODIES}: block hash → SCALE body bytes ({@code Vec<Extrinsic>}).</li>
 *   <li>{@link #JUSTIFICATIONS}: block hash → justification bytes (finality proof).</li>
 *   <li>{@link #CANONICAL}: block number (u32 big-endian, so keys sort by number) → block hash.</li>
 *   <li>{@link #TRIE_NODES}: node hash → encoded trie node (or V1 hashed value).</li>
 *   <li>{@link #TRIE_REFS}: node hash → reference count (u64).</li>
 *   <li>{@link #META}: the keys below → chain pointers and settings.</li>
 *   <li>{@link #BLOCK_INFO}: block hash → {@link BlockInfo} (parent ‖ state root ‖ number u32).</li>
 *   <li>{@link #STATE_JOURNAL}: number (u32 BE) ‖ block hash → that block's trie insertions and
 *       obsoletions (SCALE {@code (Vec<[u8;32]>, Vec<[u8;32]>)}), applied or reverted when the
 *       block leaves the pruning window.</li>
 * </ul>
 */
public enum Column implements StoreColumn {
    HEADERS(1),
    BODIES(2),
    JUSTIFICATIONS(3),
    CANONICAL(4),
    TRIE_NODES(5),
    TRIE_REFS(6),
    META(7),
    BLOCK_INFO(8),
    STATE_JOURNAL(9);

    /** The layout version of this schema; stored under {@link #KEY_SCHEMA_VERSION} as u32. */
    public static final int SCHEMA_VERSION = 1;

    /** META: schema version (u32). */
    public static final byte[] KEY_SCHEMA_VERSION = key("schema_version");
    /** META: genesis block (hash ‖ number u32). */
    public static final byte[] KEY_GENESIS = key("genesis");
    /** META: best block (hash ‖ number u32). */
    public static final byte[] KEY_BEST = key("best");
    /** META: last finalized block (hash ‖ number u32). */
    public static final byte[] KEY_FINALIZED = key("finalized");
    /** META: pruning mode chosen at creation (u32 states kept; 0 = archive). */
    public static final byte[] KEY_PRUNING = key("pruning");
    /** META: the lowest block number whose journal is not yet applied (u32). */
    public static final byte[] KEY_JOURNAL_FROM = key("journal_from");
    /** META: the finality voter's last snapshot (consensus's {@code VoterSnapshot} bytes). */
    public static final byte[] KEY_VOTER_STATE = key("grandpa_voter");

    private final int id;

    Column(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
