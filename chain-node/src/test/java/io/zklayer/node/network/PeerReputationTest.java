package io.zklayer.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.network.PeerReport;
import io.zklayer.node.network.PeerReputation.Change;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reputation on a hand-driven clock: what bans at once, what adds up, decay, and ban expiry. */
class PeerReputationTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PeerReputation rep = new PeerReputation(now::get, 60_000);
    private final PeerId peer = HostKey.fromSecret(new byte[32]).peerId();

    @Test
    void oneInvalidBlockBansForTheBanDuration() {
        PeerReputation.Outcome out = rep.report(peer, Change.INVALID_BLOCK);
        assertThat(out.newlyBanned()).isTrue();
        assertThat(out.score()).isEqualTo(-1000);
        assertThat(rep.bannedFor(peer)).contains(60_000L);
        now.addAndGet(59_999);
        assertThat(rep.isBanned(peer)).isTrue();
        now.addAndGet(1);
        assertThat(rep.isBanned(peer)).isFalse();
    }

    @Test
    void oneMalformedMessageDoesNotBanButTwoInQuickSuccessionDo() {
        assertThat(rep.report(peer, Change.MALFORMED_MESSAGE).newlyBanned()).isFalse();
        assertThat(rep.isBanned(peer)).isFalse();
        assertThat(rep.report(peer, Change.MALFORMED_MESSAGE).newlyBanned()).isTrue();
        assertThat(rep.report(peer, Change.MALFORMED_MESSAGE).newlyBanned()).as("already banned").isFalse();
    }

    @Test
    void scoresDecayTowardsZeroSoOccasionalFailuresNeverBan() {
        for (int i = 0; i < 100; i++) {
            rep.report(peer, Change.REQUEST_FAILED);
            now.addAndGet(60_000);
        }
        assertThat(rep.isBanned(peer)).isFalse();
        assertThat(rep.score(peer)).isBetween(-60, 0);
        now.addAndGet(3_600_000);
        assertThat(rep.score(peer)).isZero();
        rep.forgetNeutral();
        assertThat(rep.score(peer)).isZero();
    }

    @Test
    void goodBehaviourIsCappedAndDoesNotOutweighAnInvalidBlock() {
        for (int i = 0; i < 500; i++) {
            rep.report(peer, Change.USEFUL_BLOCK);
        }
        assertThat(rep.score(peer)).isEqualTo(PeerReputation.MAX_SCORE);
        rep.report(peer, Change.INVALID_BLOCK);
        rep.report(peer, Change.MALFORMED_MESSAGE);
        assertThat(rep.isBanned(peer)).isTrue();
    }

    @Test
    void consensusReportsMapOntoChanges() {
        assertThat(PeerReputation.of(PeerReport.BAD_SIGNATURE)).isEqualTo(Change.BAD_FINALITY_MESSAGE);
        assertThat(PeerReputation.of(PeerReport.INVALID_JUSTIFICATION).delta()).isLessThanOrEqualTo(PeerReputation.BAN_THRESHOLD);
        assertThat(PeerReputation.of(PeerReport.PAST_OR_FUTURE_MESSAGE).delta()).isNegative().isGreaterThan(-50);
        assertThat(PeerReputation.of(PeerReport.USEFUL_FINALITY_PROOF).delta()).isPositive();
        for (PeerReport r : PeerReport.values()) {
            assertThat(Integer.signum(PeerReputation.of(r).delta())).as(r.name()).isEqualTo(Integer.signum(r.reputationChange()));
        }
    }
}
