package io.zklayer.p2p.ping;

import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.PeerId;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * libp2p ping ({@code /ipfs/ping/1.0.0}): the dialer sends 32 random bytes, the listener echoes
 * every 32 bytes it reads on the same stream, the dialer checks the echo and measures the round
 * trip. A wrong echo fails the ping and resets the stream.
 */
public final class PingService {
    /** The protocol id. */
    public static final String PROTOCOL = "/ipfs/ping/1.0.0";
    /** Bytes per ping. */
    public static final int SIZE = 32;

    private final Host host;
    private final SecureRandom random;

    /** Creates the service and serves the protocol on the host. */
    public PingService(Host host, SecureRandom random) {
        this.host = host;
        this.random = random;
        host.setProtocolHandler(PROTOCOL, stream -> new Echo());
    }

    /** Pings a connected peer once; completes with the round trip in nanoseconds. */
    public CompletableFuture<Long> ping(PeerId peer, long timeoutMillis) {
        byte[] payload = new byte[SIZE];
        random.nextBytes(payload);
        CompletableFuture<Long> result = new CompletableFuture<>();
        long[] sentAt = new long[1];
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        StreamHandler reader = new StreamHandler() {
            @Override
            public void onData(Stream stream, byte[] data) {
                echo.writeBytes(data);
                if (echo.size() >= SIZE) {
                    byte[] got = Arrays.copyOf(echo.toByteArray(), SIZE);
                    if (Arrays.equals(got, payload)) {
                        result.complete(System.nanoTime() - sentAt[0]);
                        stream.closeWrite();
                    } else {
                        result.completeExceptionally(new IllegalStateException("ping: echo from " + peer
                                + " differs from the 32 bytes sent"));
                        stream.reset();
                    }
                }
            }

            @Override
            public void onClosed(Stream stream) {
                result.completeExceptionally(new IllegalStateException("ping: stream to " + peer + " closed"));
            }
        };
        host.newStream(peer, List.of(PROTOCOL), reader).whenComplete((stream, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                sentAt[0] = System.nanoTime();
                stream.write(payload);
            }
        });
        return result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).exceptionallyCompose(e ->
                CompletableFuture.failedFuture(e instanceof TimeoutException
                        ? new TimeoutException("ping: no echo from " + peer + " within " + timeoutMillis + " ms") : e));
    }

    /** Echoes whole 32-byte pings; at most 31 bytes are ever buffered. */
    private static final class Echo implements StreamHandler {
        private final byte[] partial = new byte[SIZE];
        private int filled;

        @Override
        public void onData(Stream stream, byte[] data) {
            int i = 0;
            while (i < data.length) {
                int n = Math.min(SIZE - filled, data.length - i);
                System.arraycopy(data, i, partial, filled, n);
                filled += n;
                i += n;
                if (filled == SIZE) {
                    stream.write(partial.clone());
                    filled = 0;
                }
            }
        }

        @Override
        public void onRemoteClose(Stream stream) {
            stream.closeWrite();
        }
    }
}
