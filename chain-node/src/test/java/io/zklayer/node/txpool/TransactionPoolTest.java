package io.zklayer.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Pool behaviour with a toy runtime: a transaction is the text "sender:nonce:tip", valid when its
 * nonce is at least the sender's account nonce, requiring (sender, nonce − 1) when ahead.
 */
class TransactionPoolTest {
    private final Map<String, Long> accountNonce = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();

    private final TransactionPool.Validator validator = xt -> {
        String[] parts = new String(xt, StandardCharsets.UTF_8).split(":");
        if (parts[0].equals("bad")) {
            return new TransactionValidity.Invalid("BadProof");
        }
        String sender = parts[0];
        long nonce = Long.parseLong(parts[1]);
        long tip = Long.parseLong(parts[2]);
        long current = accountNonce.getOrDefault(sender, 0L);
        if (nonce < current) {
            return new TransactionValidity.Invalid("Stale");
        }
        List<Tag> requires = nonce > current ? List.of(tag(sender, nonce - 1)) : List.of();
        return new TransactionValidity.Valid(tip, requires, List.of(tag(sender, nonce)), 64, true);
    };

    private static Tag tag(String sender, long nonce) {
        return new Tag((sender + "/" + nonce).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] tx(String sender, long nonce, long tip) {
        return (sender + ":" + nonce + ":" + tip).getBytes(StandardCharsets.UTF_8);
    }

    private TransactionPool pool(int maxReady, int maxFuture) {
        return new TransactionPool(new TransactionPool.Config(maxReady, maxFuture, 1 << 20, 1024, Duration.ofSeconds(60)),
                clock::get);
    }

    private static List<String> texts(List<byte[]> xts) {
        List<String> out = new ArrayList<>();
        xts.forEach(x -> out.add(new String(x, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void holdsAGappedNonceInFutureUntilItsPredecessorArrives() {
        TransactionPool pool = pool(100, 100);
        assertThat(pool.submit(tx("alice", 1, 0), validator)).isInstanceOf(SubmitOutcome.Accepted.class)
                .extracting(o -> ((SubmitOutcome.Accepted) o).ready()).isEqualTo(false);
        assertThat(pool.readyInOrder()).isEmpty();
        assertThat(pool.futureCount()).isEqualTo(1);
        assertThat(((SubmitOutcome.Accepted) pool.submit(tx("alice", 0, 0), validator)).ready()).isTrue();
        assertThat(texts(pool.readyInOrder())).containsExactly("alice:0:0", "alice:1:0");
        assertThat(pool.futureCount()).isZero();
    }

    @Test
    void ordersByPriorityThenAgeWithoutBreakingNonceOrder() {
        TransactionPool pool = pool(100, 100);
        pool.submit(tx("alice", 0, 1), validator);
        pool.submit(tx("alice", 1, 100), validator);
        pool.submit(tx("bob", 0, 50), validator);
        pool.submit(tx("carol", 0, 1), validator);
        // bob's tip wins; alice:1 has the highest tip but must follow alice:0; carol arrived after alice:0.
        assertThat(texts(pool.readyInOrder())).containsExactly("bob:0:50", "alice:0:1", "alice:1:100", "carol:0:1");
    }

    @Test
    void replacesATransactionOnlyWithAHigherTip() {
        TransactionPool pool = pool(100, 100);
        List<TransactionStatus> statuses = new ArrayList<>();
        pool.watch(Hashing.blake2b256(tx("alice", 0, 5)), (h, s) -> statuses.add(s));
        pool.submit(tx("alice", 0, 5), validator);
        SubmitOutcome low = pool.submit(tx("alice", 0, 5 - 1), validator);
        assertThat(low).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) low).reason()).isEqualTo(SubmitOutcome.Reason.PRIORITY_TOO_LOW);
        assertThat(pool.submit(tx("alice", 0, 9), validator)).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(texts(pool.pending())).containsExactly("alice:0:9");
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0)).isInstanceOf(TransactionStatus.Ready.class);
        assertThat(statuses.get(1)).isInstanceOf(TransactionStatus.Usurped.class);
    }

    @Test
    void rejectsDuplicatesAndBansInvalidTransactionsForAWhile() {
        TransactionPool pool = pool(100, 100);
        pool.submit(tx("alice", 0, 0), validator);
        assertThat(((SubmitOutcome.Rejected) pool.submit(tx("alice", 0, 0), validator)).reason())
                .isEqualTo(SubmitOutcome.Reason.ALREADY_IMPORTED);
        assertThat(((SubmitOutcome.Rejected) pool.submit(tx("bad", 0, 0), validator)).reason())
                .isEqualTo(SubmitOutcome.Reason.INVALID);
        assertThat(((SubmitOutcome.Rejected) pool.submit(tx("bad", 0, 0), validator)).reason())
                .isEqualTo(SubmitOutcome.Reason.TEMPORARILY_BANNED);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(((SubmitOutcome.Rejected) pool.submit(tx("bad", 0, 0), validator)).reason())
                .as("ban expired: validated again").isEqualTo(SubmitOutcome.Reason.INVALID);
    }

    @Test
    void rejectsOversizedTransactions() {
        TransactionPool pool = pool(100, 100);
        assertThat(((SubmitOutcome.Rejected) pool.submit(new byte[2048], validator)).reason())
                .isEqualTo(SubmitOutcome.Reason.TOO_LARGE);
    }

    @Test
    void evictsTheLowestPriorityWhenFull() {
        TransactionPool pool = pool(2, 1);
        pool.submit(tx("a", 0, 10), validator);
        pool.submit(tx("b", 0, 1), validator);
        assertThat(pool.submit(tx("c", 0, 5), validator)).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(texts(pool.readyInOrder())).containsExactly("a:0:10", "c:0:5");
        assertThat(((SubmitOutcome.Rejected) pool.submit(tx("d", 0, 0), validator)).reason())
                .isEqualTo(SubmitOutcome.Reason.POOL_FULL);
        pool.submit(tx("e", 1, 3), validator);
        assertThat(pool.futureCount()).isEqualTo(1);
        pool.submit(tx("f", 1, 4), validator);
        assertThat(pool.futureCount()).as("future limit 1").isEqualTo(1);
        assertThat(texts(pool.pending())).contains("f:1:4").doesNotContain("e:1:3");
    }

    @Test
    void revalidatesAfterImportRemovingIncludedAndStaleTransactions() {
        TransactionPool pool = pool(100, 100);
        byte[] blockHash = new byte[32];
        List<TransactionStatus> watched = new ArrayList<>();
        pool.watch(Hashing.blake2b256(tx("alice", 0, 0)), (h, s) -> watched.add(s));
        pool.submit(tx("alice", 0, 0), validator);
        pool.submit(tx("alice", 1, 0), validator);
        pool.submit(tx("bob", 0, 0), validator);
        // A block includes alice:0 and, from elsewhere, a bob:0 with another tip: bob's nonce moves on.
        accountNonce.put("alice", 1L);
        accountNonce.put("bob", 1L);
        pool.onBlockImported(blockHash, List.of(tx("alice", 0, 0), tx("bob", 0, 7)), validator);
        assertThat(texts(pool.pending())).containsExactly("alice:1:0");
        assertThat(texts(pool.readyInOrder())).containsExactly("alice:1:0");
        pool.onFinalized(blockHash, List.of(tx("alice", 0, 0)));
        assertThat(watched).extracting(s -> s.getClass().getSimpleName()).containsExactly("Ready", "InBlock", "Finalized");
        assertThat(watched.get(2).isFinal()).isTrue();
    }
}
