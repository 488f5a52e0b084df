package io.zklayer.p2p.reqresp;

import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.reqresp.RequestFailedException.Reason;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import io.zklayer.p2p.wire.WireFormatException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request-response protocol over streams: one stream per request; the requester writes
 * {@code varint(len) ‖ request} and half-closes, the responder writes {@code varint(len) ‖
 * response} and closes. Both sides bound the length prefix before buffering, and the requester
 * resets the stream when the timeout passes.
 *
 * <p>Example: request {@code "hi"} travels as {@code 02 68 69}.
 */
public final class RequestResponseProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(RequestResponseProtocol.class);

    private final Host host;
    private final String protocol;
    private final RequestResponseLimits limits;

    /** Creates the protocol and, when {@code handler} is non-null, serves it on the host. */
    public RequestResponseProtocol(Host host, String protocol, RequestResponseLimits limits, RequestHandler handler) {
        this.host = host;
        this.protocol = protocol;
        this.limits = limits;
        if (handler != null) {
            host.setProtocolHandler(protocol, stream -> new Responder(handler));
        }
    }

    /** Returns the protocol id. */
    public String protocol() {
        return protocol;
    }

    /** Sends a request to a connected peer; fails with {@link RequestFailedException}. */
    public CompletableFuture<byte[]> request(PeerId peer, byte[] request) {
        if (request.length > limits.maxRequestBytes()) {
            return CompletableFuture.failedFuture(new RequestFailedException(Reason.REQUEST_TOO_LARGE,
                    "reqresp: request of " + request.length + " bytes over the limit of " + limits.maxRequestBytes()));
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Stream[] opened = new Stream[1];
        host.newStream(peer, List.of(protocol), new Requester(result)).whenComplete((stream, e) -> {
            if (e != null) {
                result.completeExceptionally(new RequestFailedException(Reason.UNAVAILABLE,
                        "reqresp: " + protocol + " to " + peer + ": " + e.getMessage()));
                return;
            }
            synchronized (opened) {
                opened[0] = stream;
            }
            stream.write(LengthPrefixedReader.frame(request));
            stream.closeWrite();
        });
        return result.orTimeout(limits.timeoutMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            if (e instanceof TimeoutException) {
                synchronized (opened) {
                    if (opened[0] != null) {
                        opened[0].reset();
                    }
                }
                return CompletableFuture.failedFuture(new RequestFailedException(Reason.TIMEOUT,
                        "reqresp: no response from " + peer + " on " + protocol + " within " + limits.timeoutMillis()
                                + " ms"));
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    private final class Requester implements StreamHandler {
        private final CompletableFuture<byte[]> result;
        private final LengthPrefixedReader reader = new LengthPrefixedReader(limits.maxResponseBytes());

        Requester(CompletableFuture<byte[]> result) {
            this.result = result;
        }

        @Override
        public void onData(Stream stream, byte[] data) {
            if (result.isDone()) {
                return;
            }
            try {
                List<byte[]> messages = reader.feed(data);
                if (messages.size() > 1 || (messages.size() == 1 && reader.bufferedBytes() > 0)) {
                    fail(stream, Reason.MALFORMED, "reqresp: more than one response message");
                } else if (messages.size() == 1) {
                    result.complete(messages.get(0));
                }
            } catch (WireFormatException e) {
                fail(stream, e.getMessage().contains("exceeds limit") ? Reason.RESPONSE_TOO_LARGE : Reason.MALFORMED,
                        "reqresp: response from " + stream.remotePeer() + ": " + e.getMessage());
            }
        }

        private void fail(Stream stream, Reason reason, String message) {
            result.completeExceptionally(new RequestFailedException(reason, message));
            stream.reset();
        }

        @Override
        public void onClosed(Stream stream) {
            result.completeExceptionally(new RequestFailedException(Reason.NO_RESPONSE,
                    "reqresp: " + stream.remotePeer() + " closed the stream without a response"));
        }
    }

    private final class Responder implements StreamHandler {
        private final RequestHandler handler;
        private final LengthPrefixedReader reader = new LengthPrefixedReader(limits.maxRequestBytes());
        private boolean answered;

        Responder(RequestHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onData(Stream stream, byte[] data) {
            if (answered) {
                return;
            }
            List<byte[]> messages;
            try {
                messages = reader.feed(data);
            } catch (WireFormatException e) {
                LOG.info("Resetting {} request stream from {}: {}", protocol, stream.remotePeer(), e.getMessage());
                answered = true;
                stream.reset();
                return;
            }
            if (messages.isEmpty()) {
                return;
            }
            answered = true;
            CompletableFuture<byte[]> response;
            try {
                response = handler.handle(stream.remotePeer(), messages.get(0));
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            response.whenComplete((bytes, e) -> {
                if (e != null || bytes == null || bytes.length > limits.maxResponseBytes()) {
                    LOG.info("No {} response to {}: {}", protocol, stream.remotePeer(),
                            e != null ? e.toString() : "response missing or over the limit");
                    stream.reset();
                } else {
                    stream.write(LengthPrefixedReader.frame(bytes));
                    stream.closeWrite();
                }
            });
        }
    }
}
