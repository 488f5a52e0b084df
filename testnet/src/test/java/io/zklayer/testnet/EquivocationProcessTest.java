package io.zklayer.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.pallets.offences.OffenceKind;
import io.zklayer.pallets.offences.OffencesEvent;
import io.zklayer.pallets.offences.OffencesPallet;
import io.zklayer.pallets.offences.OffencesParameters;
import io.zklayer.pallets.offences.OffencesStorage;
import io.zklayer.pallets.session.ValidatorPenalty;
import io.zklayer.pallets.session.ValidatorRegistration;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 at process level: three genesis validators (//Alice, //Bob, //Charlie) run by
 * {@code testnet/local up -n 3}; a fourth node added with {@code testnet/local add --validator --
 * --unsafe-misbehave double-author,double-vote} runs //Dave, which bonds 1,000 ZKL with {@code zklayer
 * validator register}. Once //Dave is in the epoch's set it seals two blocks in each of its slots and
 * signs two conflicting prevotes and precommits in each finality round. The honest nodes import both
 * blocks, see both votes, and report; the chain records both kinds of offence against //Dave
 * ({@code Offences.EquivocationReported}, {@code Offences.Reports}), slashes {@code SlashShare} of what is
 * left of its bond per offence ({@code ReporterShare} of that to the reporter, the rest to the treasury),
 * the bond in state and the treasury's balance change by exactly that, the announced set of the epoch after holds only the honest
 * three, and those keep finalizing one chain.
 */
class EquivocationProcessTest {
    private static final Duration STEP = Duration.ofSeconds(150);
    private static final Runtime RUNTIME = ZklayerRuntime.create(RuntimeParameters.defaults());
    private static final OffencesParameters OFFENCES = RUNTIME.pallets().stream()
            .filter(OffencesPallet.class::isInstance).map(p -> ((OffencesPallet) p).parameters()).findFirst().orElseThrow();
    private static final BigInteger BOND = RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1000));
    private static final AccountId32 DAVE = account("//Dave");
    private static final List<AccountId32> HONEST = List.of(account("//Alice"), account("//Bob"), account("//Charlie"));
    private static final byte[] EVENTS_KEY = StorageKeys.prefix("System", "Events");

    @TempDir
    Path dir;

    /** An Offences event of a finalized block. */
    private record Found(long block, String hash, OffencesEvent event) {}

    @Test
    void aValidatorSealingTwoBlocksPerSlotAndSigningConflictingVotesIsReportedSlashedAndDroppedWhileTheHonestThreeFinalize()
            throws Exception {
        try (LocalTestnet net = new LocalTestnet(dir.resolve("run"))) {
            assertThat(net.up(3)).contains("Testnet of 3 validators");
            net.await("three validators at #2 with 2 peers", STEP, () -> IntStream.range(0, 3)
                    .allMatch(i -> net.best(i) >= 2 && net.peers(i) == 2));
            String added = net.runWithNodeArgs(List.of("add", "--validator"), "--unsafe-misbehave",
                    "double-author,double-vote");
            assertThat(added).contains("node 3 started", "node 3 authors with //Dave",
                    "with extra arguments: --unsafe-misbehave double-author,double-vote");
            net.await("//Dave's node synced", STEP, () -> net.best(3) >= 2 && net.best(3) >= net.best(0) - 1);
            assertThat(net.log(3)).contains("MISBEHAVING ON PURPOSE (--unsafe-misbehave double-author,double-vote)");
            long registeredFrom = net.best(0);
            assertThat(net.cli(0, "validator", "register", "--from", "//Dave", "--bond", "1000"))
                    .contains("Register session key", "active from the next epoch");

            // The epoch whose announced set first holds //Dave.
            long[] scanned = {registeredFrom};
            long[] joinedAt = {-1};
            net.await("an epoch announcing //Dave in its validator set", STEP, () -> {
                for (long n = scanned[0] + 1; n <= net.best(0); n++) {
                    Header h = net.header(0, n);
                    if (h == null) {
                        return false;
                    }
                    scanned[0] = n;
                    if (EpochDigest.single(h).filter(a -> a.validators().contains(DAVE)).isPresent()) {
                        joinedAt[0] = n;
                        return true;
                    }
                }
                return false;
            });
            long daveEpoch = EpochDigest.single(net.header(0, joinedAt[0])).orElseThrow().epoch();

            // Both kinds of offence recorded on the finalized chain, in the order the chain applied them.
            List<Found> found = new ArrayList<>();
            long[] read = {joinedAt[0] - 1};
            net.await("both kinds of offence by //Dave finalized", STEP, () -> {
                for (long n = read[0] + 1; n <= net.finalized(0); n++) {
                    String hash = net.hashAt(0, n);
                    if (hash == null) {
                        return false;
                    }
                    for (OffencesEvent e : offencesEvents(net, hash)) {
                        found.add(new Found(n, hash, e));
                    }
                    read[0] = n;
                }
                return reported(found, OffenceKind.AUTHORSHIP) && reported(found, OffenceKind.VOTE);
            });
            assertThat(net.log(3)).contains("Misbehaving on purpose: sealed a second block for slot",
                    "Misbehaving on purpose: signed a second");

            // Every report is against //Dave and recorded in Offences.Reports; every slash takes exactly
            // SlashShare of what is left of the bond, ReporterShare of it to the reporter (none when Dave
            // reported himself), the rest to the treasury.
            BigInteger bond = BOND;
            BigInteger toTreasury = BigInteger.ZERO;
            AccountId32 lastReporter = null;
            String lastSlashBlock = null;
            Optional<Long> outFrom = Optional.empty();
            for (Found f : found) {
                if (f.event() instanceof OffencesEvent.EquivocationReported r) {
                    assertThat(r.offender()).isEqualTo(DAVE);
                    for (int i = 0; i < 3; i++) {
                        assertThat(net.storage(i, OffencesStorage.REPORTS.key(r.reportId()), f.hash()))
                                .as("Offences.Reports on node %d holds report %s", i, r.reportId()).isPresent();
                    }
                    lastReporter = r.reporter();
                } else if (f.event() instanceof OffencesEvent.ValidatorSlashed s) {
                    BigInteger slashed = OFFENCES.slashShare().of(bond);
                    assertThat(s.offender()).isEqualTo(DAVE);
                    assertThat(s.controller()).isEqualTo(DAVE);
                    assertThat(s.amount()).as("slash of a bond of %s", bond).isEqualTo(slashed);
                    assertThat(s.reward()).isEqualTo(DAVE.equals(lastReporter) ? BigInteger.ZERO
                            : OFFENCES.reporterShare().of(slashed));
                    assertThat(s.toTreasury()).isTrue();
                    bond = bond.subtract(slashed);
                    toTreasury = toTreasury.add(slashed.subtract(s.reward()));
                    lastSlashBlock = f.hash();
                } else if (f.event() instanceof OffencesEvent.ValidatorRemoved removed && outFrom.isEmpty()) {
                    assertThat(removed.offender()).isEqualTo(DAVE);
                    assertThat(removed.removal()).isEqualTo(ValidatorPenalty.Removal.LEAVES);
                    outFrom = Optional.of(removed.outFrom());
                }
            }
            System.out.printf("EquivocationProcessTest: //Dave joined in epoch %d (#%d); offences on the finalized chain:%n",
                    daveEpoch, joinedAt[0]);
            found.forEach(f -> System.out.printf("  #%d %s%n", f.block(), f.event()));
            assertThat(bond).as("at least one slash").isLessThan(BOND);
            assertThat(outFrom).as("//Dave leaves the set").isPresent();
            ValidatorRegistration left = ValidatorRegistration.CODEC.decode(net.storage(0, StorageKeys.mapKey("Session",
                    "Registrations", StorageHasher.BLAKE2_128_CONCAT, DAVE.bytes()), lastSlashBlock).orElseThrow());
            assertThat(left.bond()).as("the bond in state after the last slash").isEqualTo(bond);
            assertThat(left.status()).isEqualTo(ValidatorRegistration.Status.LEAVING);
            AccountInfo dave = AccountInfo.CODEC.decode(net.storage(0, SystemStorage.ACCOUNT.key(DAVE), lastSlashBlock)
                    .orElseThrow());
            assertThat(dave.data().reserved()).as("//Dave's reserved balance is what is left of the bond").isEqualTo(bond);
            // Fees are burned, so the treasury gains exactly the slashed amounts less the rewards.
            String beforeOffences = net.hashAt(0, found.get(0).block() - 1);
            assertThat(free(net, PalletId.TREASURY.account(), lastSlashBlock)
                    .subtract(free(net, PalletId.TREASURY.account(), beforeOffences)))
                    .as("the treasury's share of the slashes").isEqualTo(toTreasury).isPositive();

            // The set announced for epoch outFrom holds the honest three only, and they finalize past it.
            long out = outFrom.get();
            assertThat(out).isGreaterThan(daveEpoch);
            long[] announcedAt = {-1};
            long[] next = {joinedAt[0]};
            net.await("the announcement of epoch " + out, STEP, () -> {
                for (long n = next[0] + 1; n <= net.best(0); n++) {
                    Header h = net.header(0, n);
                    if (h == null) {
                        return false;
                    }
                    next[0] = n;
                    if (EpochDigest.single(h).filter(a -> a.epoch() == out).isPresent()) {
                        announcedAt[0] = n;
                        return true;
                    }
                }
                return false;
            });
            List<AccountId32> setAfter = EpochDigest.single(net.header(0, announcedAt[0])).orElseThrow().validators();
            assertThat(setAfter).as("the validators of epoch %d", out).containsExactlyInAnyOrderElementsOf(HONEST);
            long target = announcedAt[0] + 3;
            net.await("the honest three finalize #" + target, STEP,
                    () -> IntStream.range(0, 3).allMatch(i -> net.finalized(i) >= target));
            long fin = IntStream.range(0, 3).mapToLong(net::finalized).min().orElseThrow();
            for (long n = 1; n <= fin; n++) {
                String expected = net.hashAt(0, n);
                assertThat(expected).as("finalized #%d on node 0", n).startsWith("0x");
                for (int i = 1; i < 3; i++) {
                    assertThat(net.hashAt(i, n)).as("finalized #%d on node %d", n, i).isEqualTo(expected);
                }
            }
        }
    }

    // The free balance of who in block blockHash on node 0 (zero for an account that does not exist).
    private static BigInteger free(LocalTestnet net, AccountId32 who, String blockHash) {
        return net.storage(0, SystemStorage.ACCOUNT.key(who), blockHash).map(b -> AccountInfo.CODEC.decode(b).data().free())
                .orElse(BigInteger.ZERO);
    }

    private static boolean reported(List<Found> found, OffenceKind kind) {
        return found.stream().anyMatch(f -> f.event() instanceof OffencesEvent.EquivocationReported r && r.kind() == kind);
    }

    // The Offences events of the block with hash blockHash, in order.
    private static List<OffencesEvent> offencesEvents(LocalTestnet net, String blockHash) {
        List<OffencesEvent> out = new ArrayList<>();
        net.storage(0, EVENTS_KEY, blockHash).ifPresent(bytes -> {
            for (EventRecord r : EventRecord.listCodec(RUNTIME.eventLayout()).decode(bytes)) {
                RuntimeEvent e = r.event();
                if (e.palletIndex() == OffencesPallet.INDEX) {
                    ScaleWriter w = new ScaleWriter();
                    w.u8(e.eventIndex());
                    w.raw(e.fields());
                    out.add(OffencesEvent.CODEC.decode(w.toByteArray()));
                }
            }
        });
        return out;
    }

    private static AccountId32 account(String uri) {
        return AccountId32.of(Ed25519KeyPair.fromSecretUri(uri).publicKey().bytes());
    }
}
