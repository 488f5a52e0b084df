package io.zklayer.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.pallets.offences.AuraDigests;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators as separate processes started by {@code testnet/local up -n 4}: they build one
 * chain (the same hash at every height on every node) and finalize it, keep producing and
 * finalizing blocks when one of them is killed with SIGKILL, keep producing blocks but stall
 * finality when a second one is killed and finalize again once both are restarted, continue from their RocksDB
 * directories without a fork after all are restarted, and a fifth node added later syncs from
 * genesis to the head, finalizing through the justifications of each authority set. That fifth
 * node (started with {@code --key //Eve}, outside the genesis set) is then registered with
 * {@code zklayer validator register} in epoch e and authors a block of epoch e + 1 (its seal
 * verifies with Eve's key; no block before does), which all five finalize.
 */
class LocalTestnetProcessTest {
    private static final Duration STEP = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void fourValidatorsKeepOneChainThroughAKillARestartFromDiskAndAFreshNodeSyncingAndJoiningAsValidator() throws Exception {
        try (LocalTestnet net = new LocalTestnet(dir.resolve("run"))) {
            String up = net.up(4);
            assertThat(up).contains("Testnet of 4 validators", "node 3 started");

            net.await("every validator at #4 with 3 peers", STEP, () -> IntStream.range(0, 4)
                    .allMatch(i -> net.best(i) >= 4 && net.peers(i) == 3));
            assertAgree(net, List.of(0, 1, 2, 3));
            net.await("every validator finalized #3", STEP, () -> IntStream.range(0, 4).allMatch(i -> net.finalized(i) >= 3));
            assertFinalizedAgree(net, List.of(0, 1, 2, 3));
            String status = net.run("status");
            assertThat(status).contains("node  state").contains("running");

            assertThat(net.run("stop", "3", "--kill")).contains("node 3 killed");
            long atKill = max(net, List.of(0, 1, 2));
            long finalizedAtKill = IntStream.range(0, 3).mapToLong(net::finalized).max().orElseThrow();
            net.await("three validators 3 blocks past the kill", STEP, () -> IntStream.range(0, 3)
                    .allMatch(i -> net.best(i) >= atKill + 3));
            assertAgree(net, List.of(0, 1, 2));
            net.await("finality going on with 3 of 4 voters", STEP, () -> IntStream.range(0, 3)
                    .allMatch(i -> net.finalized(i) >= finalizedAtKill + 2));
            assertFinalizedAgree(net, List.of(0, 1, 2));

            // Kill a second one: 2 of 4 voters are no supermajority, so blocks go on but finality stalls.
            assertThat(net.run("stop", "2", "--kill")).contains("node 2 killed");
            Thread.sleep(8_000); // a round that had its votes may still complete
            long stalledAt = net.finalized(0);
            long bestAtStall = net.best(0);
            net.await("two validators 4 blocks further", STEP,
                    () -> net.best(0) >= bestAtStall + 4 && net.best(1) >= bestAtStall + 4);
            assertThat(net.finalized(0)).as("no finality with 2 of 4 voters").isEqualTo(stalledAt);
            assertThat(net.finalized(1)).as("no finality with 2 of 4 voters").isLessThanOrEqualTo(stalledAt);
            assertThat(net.run("start", "2", "3")).contains("node 2 started", "node 3 started");
            net.await("finality resumed past #" + stalledAt + " on every node, the restarted ones caught up", STEP,
                    () -> IntStream.range(0, 4).allMatch(i -> net.finalized(i) > stalledAt + 1));
            assertAgree(net, List.of(0, 1, 2, 3));
            assertFinalizedAgree(net, List.of(0, 1, 2, 3));

            net.run("down");
            List<List<String>> before = new ArrayList<>();
            assertThat(net.best(0)).as("stopped").isEqualTo(-1);
            net.run("start");
            net.await("every node answering again", STEP, () -> IntStream.range(0, 4).allMatch(i -> net.best(i) >= 0));
            long[] restartedAt = new long[4];
            for (int i = 0; i < 4; i++) {
                restartedAt[i] = net.best(i);
                List<String> hashes = new ArrayList<>();
                for (long n = 1; n <= restartedAt[i]; n++) {
                    hashes.add(net.hashAt(i, n));
                }
                before.add(hashes);
            }
            assertThat(restartedAt[0]).as("the chain was read back from disk").isGreaterThanOrEqualTo(atKill + 3);
            long target = max(net, List.of(0, 1, 2, 3)) + 3;
            net.await("every validator 3 blocks past the restart", STEP, () -> IntStream.range(0, 4)
                    .allMatch(i -> net.best(i) >= target));
            for (int i = 0; i < 4; i++) {
                for (long n = 1; n <= restartedAt[i] - 1; n++) {
                    assertThat(net.hashAt(i, n)).as("node %d block #%d kept after the restart", i, n)
                            .isEqualTo(before.get(i).get((int) n - 1));
                }
            }
            assertAgree(net, List.of(0, 1, 2, 3));
            long finalizedAfterRestart = IntStream.range(0, 4).mapToLong(net::finalized).max().orElseThrow();
            net.await("finality going on after the restart", STEP, () -> IntStream.range(0, 4)
                    .allMatch(i -> net.finalized(i) > finalizedAfterRestart));
            assertFinalizedAgree(net, List.of(0, 1, 2, 3));

            net.await("a chain past the first authority set (epochs of 10 blocks)", STEP, () -> net.finalized(0) >= 12);
            assertThat(net.run("add", "--validator")).contains("node 4 started", "node 4 authors with //Eve");
            long head = max(net, List.of(0, 1, 2, 3));
            long finalizedHead = net.finalized(0);
            net.await("the fifth node synced to #" + head, STEP, () -> net.best(4) >= head);
            net.await("the fifth node finalized #" + finalizedHead + " through verified justifications", STEP,
                    () -> net.finalized(4) >= finalizedHead);
            assertAgree(net, List.of(0, 1, 2, 3, 4));
            assertFinalizedAgree(net, List.of(0, 1, 2, 3, 4));
            assertThat(net.log(4)).contains("Syncing from #0");

            fifthNodeRegisteredInEpochEAuthorsFromEpochEPlusOne(net);
        }
    }

    // //Eve (node 4's --key, not in the genesis set) registers through the CLI's key-ownership proof; the
    // registration lands in a block of epoch e, the first block of epoch e + 1 announces a set holding Eve,
    // and a block of epoch e + 1 carries a seal that verifies with Eve's key, while none before did.
    private static void fifthNodeRegisteredInEpochEAuthorsFromEpochEPlusOne(LocalTestnet net) throws Exception {
        Ed25519KeyPair eve = Ed25519KeyPair.fromSecretUri("//Eve");
        AccountId32 eveId = AccountId32.of(eve.publicKey().bytes());
        long before = net.best(0);
        assertThat(net.header(0, before)).as("headers rebuilt from RPC JSON hash to the node's block hash").isNotNull();
        assertThat(net.cli(0, "validator", "register", "--from", "//Eve", "--bond", "1000"))
                .contains("Register session key", "active from the next epoch");

        // The first epoch announcement after the submission whose set holds Eve.
        long[] joinedAt = {-1};
        long[] scanned = {before};
        net.await("an epoch announcing //Eve in its validator set", STEP, () -> {
            for (long n = scanned[0] + 1; n <= net.best(0); n++) {
                Header h = net.header(0, n);
                if (h == null) {
                    return false;
                }
                scanned[0] = n;
                if (EpochDigest.single(h).filter(a -> a.validators().contains(eveId)).isPresent()) {
                    joinedAt[0] = n;
                    return true;
                }
            }
            return false;
        });
        long start = joinedAt[0];
        long epoch = EpochDigest.single(net.header(0, start)).orElseThrow().epoch();

        // The registration is in a block of the epoch before (the last announcement at or below it is epoch - 1).
        String evePublicHex = Hex.encodeNoPrefix(eve.publicKey().bytes());
        long registeredAt = -1;
        long registeredEpoch = -1;
        long currentEpoch = -1;
        for (long n = 1; n < start; n++) {
            Header h = net.header(0, n);
            currentEpoch = EpochDigest.single(h).map(EpochDigest.Announcement::epoch).orElse(currentEpoch);
            assertThat(sealedBy(h, eve)).as("block #%d before Eve's epoch sealed by Eve", n).isFalse();
            if (n > before && net.extrinsics(0, n).stream().anyMatch(x -> x.contains("0200" + evePublicHex))) {
                registeredAt = n;
                registeredEpoch = currentEpoch;
            }
        }
        assertThat(registeredAt).as("the block holding Session.register_validator from //Eve").isPositive();
        assertThat(registeredEpoch).as("registered in epoch e = %d - 1 (block #%d)", epoch, registeredAt).isEqualTo(epoch - 1);

        // Eve authors a block of epoch e + 1, before the next announcement.
        long[] authored = {-1};
        long[] next = {start};
        net.await("a block of epoch " + epoch + " sealed by //Eve", STEP, () -> {
            for (long n = next[0]; n <= net.best(0); n++) {
                Header h = net.header(0, n);
                if (h == null) {
                    return false;
                }
                next[0] = n + 1;
                if (n > start && EpochDigest.single(h).isPresent()) {
                    throw new AssertionError("epoch " + epoch + " (from #" + start + ") ended at #" + n
                            + " without a block sealed by //Eve");
                }
                if (sealedBy(h, eve)) {
                    authored[0] = n;
                    return true;
                }
            }
            return false;
        });
        long eveBlock = authored[0];
        net.await("every node past #" + eveBlock, STEP, () -> IntStream.range(0, 5).allMatch(i -> net.best(i) >= eveBlock + 1));
        assertAgree(net, List.of(0, 1, 2, 3, 4));
        net.await("five validators finalize //Eve's block #" + eveBlock, STEP,
                () -> IntStream.range(0, 5).allMatch(i -> net.finalized(i) >= eveBlock));
        assertFinalizedAgree(net, List.of(0, 1, 2, 3, 4));
    }

    // Whether the header's Aura seal is key's signature of the hash of the header without the seal.
    private static boolean sealedBy(Header h, Ed25519KeyPair key) {
        return AuraDigests.sealOf(h).map(sig -> key.publicKey().verify(AuraDigests.withoutSeal(h).hash().bytes(),
                Ed25519Signature.of(sig))).orElse(false);
    }

    // The finalized block at the lowest finalized height is the same on every node (and, with
    // assertAgree, so is every block below it).
    private static void assertFinalizedAgree(LocalTestnet net, List<Integer> nodes) {
        long fin = nodes.stream().mapToLong(net::finalized).min().orElseThrow();
        assertThat(fin).isPositive();
        String expected = net.hashAt(nodes.get(0), fin);
        for (int i : nodes) {
            assertThat(net.hashAt(i, fin)).as("finalized #%d on node %d", fin, i).isEqualTo(expected);
            assertThat(net.best(i)).isGreaterThanOrEqualTo(fin);
        }
    }

    private static long max(LocalTestnet net, List<Integer> nodes) {
        return nodes.stream().mapToLong(net::best).max().orElseThrow();
    }

    // Every node has the same hash at every height up to one below the lowest best block (the
    // newest block may still be travelling).
    private static void assertAgree(LocalTestnet net, List<Integer> nodes) {
        long upTo = nodes.stream().mapToLong(net::best).min().orElseThrow() - 1;
        assertThat(upTo).isPositive();
        for (long n = 1; n <= upTo; n++) {
            String expected = net.hashAt(nodes.get(0), n);
            assertThat(expected).as("block #%d on node %d", n, nodes.get(0)).startsWith("0x");
            for (int i : nodes) {
                assertThat(net.hashAt(i, n)).as("block #%d on node %d", n, i).isEqualTo(expected);
            }
        }
    }
}
