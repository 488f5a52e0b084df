package io.zklayer.p2p.reqresp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.TestHosts;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestResponseTest {
    private final TestHosts hosts = new TestHosts(11);

    @AfterEach
    void close() {
        hosts.close();
    }

    private static RequestFailedException.Reason reasonOf(CompletableFuture<byte[]> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("request unexpectedly succeeded");
        } catch (ExecutionException e) {
            return ((RequestFailedException) e.getCause()).reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersRequestWithHandlerResponse() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        new RequestResponseProtocol(b, "/upper/1", RequestResponseLimits.defaults(), (peer, req) ->
                CompletableFuture.completedFuture(new String(req, StandardCharsets.UTF_8).toUpperCase()
                        .getBytes(StandardCharsets.UTF_8)));
        RequestResponseProtocol client = new RequestResponseProtocol(a, "/upper/1", RequestResponseLimits.defaults(), null);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            byte[] resp = client.request(b.peerId(), ("hello " + i).getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            assertThat(new String(resp, StandardCharsets.UTF_8)).isEqualTo("HELLO " + i);
        }
    }

    @Test
    void responseOverTheLimitFailsWithResponseTooLarge() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        new RequestResponseProtocol(b, "/big/1", RequestResponseLimits.defaults(), (peer, req) ->
                CompletableFuture.completedFuture(new byte[5000]));
        RequestResponseProtocol client = new RequestResponseProtocol(a, "/big/1",
                new RequestResponseLimits(100, 1000, 5000), null);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(reasonOf(client.request(b.peerId(), new byte[1]))).isEqualTo(RequestFailedException.Reason.RESPONSE_TOO_LARGE);
        assertThat(reasonOf(client.request(b.peerId(), new byte[101]))).isEqualTo(RequestFailedException.Reason.REQUEST_TOO_LARGE);
    }

    @Test
    void oversizedRequestIsResetByTheResponderAndHostSurvives() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        new RequestResponseProtocol(b, "/small/1", new RequestResponseLimits(10, 100, 5000), (peer, req) ->
                CompletableFuture.completedFuture(req));
        RequestResponseProtocol client = new RequestResponseProtocol(a, "/small/1", RequestResponseLimits.defaults(), null);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(reasonOf(client.request(b.peerId(), new byte[11]))).isEqualTo(RequestFailedException.Reason.NO_RESPONSE);
        assertThat(client.request(b.peerId(), new byte[3]).get(5, TimeUnit.SECONDS)).hasSize(3);
    }

    @Test
    void silentResponderTimesOut() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        new RequestResponseProtocol(b, "/slow/1", RequestResponseLimits.defaults(), (peer, req) -> new CompletableFuture<>());
        RequestResponseProtocol client = new RequestResponseProtocol(a, "/slow/1", new RequestResponseLimits(10, 10, 300), null);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(reasonOf(client.request(b.peerId(), new byte[1]))).isEqualTo(RequestFailedException.Reason.TIMEOUT);
    }

    @Test
    void unservedProtocolIsUnavailable() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        RequestResponseProtocol client = new RequestResponseProtocol(a, "/none/1", RequestResponseLimits.defaults(), null);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(reasonOf(client.request(b.peerId(), new byte[1]))).isEqualTo(RequestFailedException.Reason.UNAVAILABLE);
    }
}
