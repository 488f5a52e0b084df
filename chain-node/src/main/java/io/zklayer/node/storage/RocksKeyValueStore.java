package io.zklayer.node.storage;

import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.storage.KeyValueStore;
import io.zklayer.primitives.storage.StoreColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} on RocksDB: one column family per {@link StoreColumn} (named
 * {@code <id>-<name>}, for example {@code 5-TRIE_NODES}), batches written as one RocksDB
 * {@link WriteBatch} through the write-ahead log, so a batch is on disk whole or not at all after
 * a crash. With {@code syncWrites} each batch is also fsynced (durable across power loss, not only
 * process death).
 */
public final class RocksKeyValueStore implements KeyValueStore {
    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final Map<Integer, ColumnFamilyHandle> byId = new HashMap<>();
    private volatile boolean closed;

    private RocksKeyValueStore(Path dir, DBOptions dbOptions, ColumnFamilyOptions cfOptions, WriteOptions writeOptions,
            RocksDB db, List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.writeOptions = writeOptions;
        this.db = db;
        this.handles = handles;
    }

    /**
     * Opens (creating if needed) the database in {@code dir} with exactly {@code columns}.
     *
     * @throws IncompatibleSchemaException when the database has a column family this schema does
     *     not know (written by another version)
     * @throws StorageException on any RocksDB failure, with RocksDB's status
     */
    public static RocksKeyValueStore open(Path dir, Collection<? extends StoreColumn> columns, boolean syncWrites) {
        List<String> wanted = new ArrayList<>();
        wanted.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
        for (StoreColumn c : columns) {
            wanted.add(familyName(c));
        }
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2).setKeepLogFileNum(3);
        // Bloom filters make the reference-count lookups of new trie nodes (mostly misses) cheap.
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve("CURRENT"))) {
                try (Options o = new Options()) {
                    for (byte[] existing : RocksDB.listColumnFamilies(o, dir.toString())) {
                        String name = new String(existing, StandardCharsets.UTF_8);
                        if (!wanted.contains(name)) {
                            dbOptions.close();
                            cfOptions.close();
                            throw new IncompatibleSchemaException("storage: database " + dir + " has column family '" + name
                                    + "' which schema version " + Column.SCHEMA_VERSION + " does not define");
                        }
                    }
                }
            }
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : wanted) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            WriteOptions wo = new WriteOptions().setSync(syncWrites);
            RocksKeyValueStore store = new RocksKeyValueStore(dir, dbOptions, cfOptions, wo, db, handles);
            int i = 1;
            for (StoreColumn c : columns) {
                store.byId.put(c.id(), handles.get(i++));
            }
            return store;
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            throw new StorageException("storage: cannot open RocksDB at " + dir + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StorageException("storage: cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String familyName(StoreColumn c) {
        return c.id() + "-" + c.name();
    }

    @Override
    public byte[] get(StoreColumn column, byte[] key) {
        checkOpen();
        try {
            return db.get(handle(column), key);
        } catch (RocksDBException e) {
            throw new StorageException("storage: read of " + column.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<byte[]> getAll(StoreColumn column, List<byte[]> keys) {
        checkOpen();
        if (keys.isEmpty()) {
            return List.of();
        }
        ColumnFamilyHandle h = handle(column);
        try {
            return db.multiGetAsList(java.util.Collections.nCopies(keys.size(), h), keys);
        } catch (RocksDBException e) {
            throw new StorageException("storage: read of " + keys.size() + " keys of " + column.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(KeyValueBatch batch) {
        checkOpen();
        try (WriteBatch wb = new WriteBatch()) {
            for (KeyValueBatch.Op op : batch.ops()) {
                if (op.value() == null) {
                    wb.delete(handle(op.column()), op.key());
                } else {
                    wb.put(handle(op.column()), op.key(), op.value());
                }
            }
            db.write(writeOptions, wb);
        } catch (RocksDBException e) {
            throw new StorageException("storage: batch of " + batch.size() + " operations failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void scan(StoreColumn column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        checkOpen();
        try (ReadOptions ro = new ReadOptions().setTotalOrderSeek(true); RocksIterator it = db.newIterator(handle(column), ro)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
                    break;
                }
                if (!visitor.test(k, it.value())) {
                    break;
                }
            }
        }
    }

    /** Returns RocksDB's estimate of the number of keys in {@code column}. */
    public long estimatedKeys(StoreColumn column) {
        try {
            return db.getLongProperty(handle(column), "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw new StorageException("storage: property read failed: " + e.getMessage(), e);
        }
    }

    /** Returns the database folder. */
    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        writeOptions.close();
        cfOptions.close();
        dbOptions.close();
    }

    private ColumnFamilyHandle handle(StoreColumn c) {
        ColumnFamilyHandle h = byId.get(c.id());
        if (h == null) {
            throw new IllegalArgumentException("storage: column " + c.name() + " (id " + c.id() + ") was not opened");
        }
        return h;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage: RocksDB at " + dir + " used after close");
        }
    }
}
