package io.zklayer.node.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one JSON-RPC 2.0 request text (single or batch) into the reply text, independent of the
 * transport. Unknown methods, bad params and refused unsafe calls become error objects; a bug in a
 * method becomes {@code -32603} and is logged, never thrown to the transport.
 */
public final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RpcRegistry registry;
    private final boolean allowUnsafe;
    private final int maxBatch;
    private final ObjectMapper mapper;

    /**
     * Creates a dispatcher.
     *
     * @param allowUnsafe whether unsafe methods are answered (false on an external interface
     *     unless {@code --rpc-methods unsafe})
     * @param maxBatch the most calls one batch may hold
     */
    public RpcDispatcher(RpcRegistry registry, boolean allowUnsafe, int maxBatch) {
        this.registry = registry;
        this.allowUnsafe = allowUnsafe;
        this.maxBatch = maxBatch;
        this.mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        registry.add(RpcMethod.of("rpc_methods", List.of(), p -> Map.of("methods", registry.names())));
    }

    /** Returns the mapper used for results, so methods can build JSON trees with it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The reply to send, then the actions to run once it has been sent (starting subscriptions). */
    public record Reply(String json, List<Runnable> afterSend) {}

    /** Handles one request text for {@code session}; a reply with null json means nothing to send. */
    public Reply handle(String text, RpcSession session) {
        JsonNode request;
        try {
            request = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Reply(error(null, new RpcException(RpcErrorCode.PARSE_ERROR, e.getOriginalMessage())).toString(),
                    List.of());
        }
        List<Runnable> after = new ArrayList<>();
        if (request == null) {
            return new Reply(error(null, new RpcException(RpcErrorCode.PARSE_ERROR, "empty request")).toString(), after);
        }
        if (request.isArray()) {
            if (request.isEmpty()) {
                return new Reply(error(null, new RpcException(RpcErrorCode.INVALID_REQUEST, "empty batch")).toString(), after);
            }
            if (request.size() > maxBatch) {
                return new Reply(error(null, new RpcException(RpcErrorCode.TOO_BIG_BATCH_REQUEST,
                        "batch of " + request.size() + " calls exceeds the limit of " + maxBatch)).toString(), after);
            }
            ArrayNode replies = JSON.arrayNode();
            for (JsonNode call : request) {
                ObjectNode reply = handleCall(call, session, after);
                if (reply != null) {
                    replies.add(reply);
                }
            }
            return new Reply(replies.isEmpty() ? null : replies.toString(), after);
        }
        ObjectNode reply = handleCall(request, session, after);
        return new Reply(reply == null ? null : reply.toString(), after);
    }

    private ObjectNode handleCall(JsonNode call, RpcSession session, List<Runnable> after) {
        if (!call.isObject()) {
            return error(null, new RpcException(RpcErrorCode.INVALID_REQUEST, "a call must be a JSON object"));
        }
        JsonNode id = call.get("id");
        boolean notification = id == null;
        if (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull())) {
            return error(null, new RpcException(RpcErrorCode.INVALID_REQUEST, "id must be a string, an integer or null"));
        }
        JsonNode version = call.get("jsonrpc");
        JsonNode method = call.get("method");
        try {
            if (version == null || !"2.0".equals(version.asText())) {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
            }
            if (method == null || !method.isTextual()) {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "method must be a string");
            }
            Object result = invoke(method.asText(), call.get("params"), session, id, after);
            return notification ? null : result(id, result);
        } catch (RpcException e) {
            return notification ? null : error(id, e);
        } catch (RuntimeException e) {
            LOG.error("RPC {} failed with a bug: {}", method, e.toString(), e);
            return notification ? null : error(id, new RpcException(RpcErrorCode.INTERNAL_ERROR, e.toString()));
        }
    }

    private Object invoke(String name, JsonNode rawParams, RpcSession session, JsonNode id, List<Runnable> after) {
        RpcMethod method = registry.method(name);
        if (method != null) {
            checkAllowed(name, method.unsafe());
            return method.call(new RpcParams(rawParams, method.parameterNames()));
        }
        SubscriptionMethod sub = registry.subscription(name);
        if (sub != null) {
            checkAllowed(name, sub.unsafe());
            return subscribe(sub, new RpcParams(rawParams, sub.parameterNames()), session, after);
        }
        SubscriptionMethod unsub = registry.unsubscription(name);
        if (unsub != null) {
            RpcParams params = new RpcParams(rawParams, List.of("subscription"));
            return session.cancel(params.string(0));
        }
        throw new RpcException(RpcErrorCode.METHOD_NOT_FOUND, "no method named " + name);
    }

    private void checkAllowed(String name, boolean unsafe) {
        if (unsafe && !allowUnsafe) {
            throw new RpcException(RpcErrorCode.METHOD_NOT_FOUND, "RPC call is unsafe to be called externally",
                    name + " needs --rpc-methods unsafe on an external interface");
        }
    }

    private Object subscribe(SubscriptionMethod sub, RpcParams params, RpcSession session, List<Runnable> after) {
        if (!session.subscriptionsSupported()) {
            throw new RpcException(RpcErrorCode.METHOD_NOT_FOUND,
                    "subscriptions are only available over WebSocket", sub.subscribeName());
        }
        String id = session.reserveId();
        QueuedSink sink = new QueuedSink(session, sub.notificationName(), id);
        try {
            session.attach(id, sub.subscribe(params, sink));
        } catch (RuntimeException e) {
            session.release(id);
            throw e;
        }
        after.add(sink::open);
        return id;
    }

    private ObjectNode result(JsonNode id, Object result) {
        ObjectNode out = JSON.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("result", mapper.valueToTree(result));
        out.set("id", id);
        return out;
    }

    private ObjectNode error(JsonNode id, RpcException e) {
        ObjectNode out = JSON.objectNode();
        out.put("jsonrpc", "2.0");
        ObjectNode err = out.putObject("error");
        err.put("code", e.code().code());
        err.put("message", e.wireMessage());
        if (e.data() != null) {
            err.set("data", mapper.valueToTree(e.data()));
        }
        out.set("id", id == null ? JSON.nullNode() : id);
        return out;
    }

    /** Holds notifications back until the subscription id has been sent to the client. */
    private final class QueuedSink implements SubscriptionMethod.NotificationSink {
        private final RpcSession session;
        private final String method;
        private final String id;
        private List<String> pending = new ArrayList<>();
        private boolean closeAfterFlush;

        QueuedSink(RpcSession session, String method, String id) {
            this.session = session;
            this.method = method;
            this.id = id;
        }

        @Override
        public void send(Object result) {
            ObjectNode note = JSON.objectNode();
            note.put("jsonrpc", "2.0");
            note.put("method", method);
            ObjectNode params = note.putObject("params");
            params.put("subscription", id);
            params.set("result", mapper.valueToTree(result));
            String text = note.toString();
            synchronized (this) {
                if (pending != null) {
                    pending.add(text);
                } else {
                    session.send(text);
                }
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                if (pending != null) {
                    closeAfterFlush = true;
                    return;
                }
            }
            session.release(id);
        }

        void open() {
            boolean close;
            synchronized (this) {
                pending.forEach(session::send);
                pending = null;
                close = closeAfterFlush;
            }
            if (close) {
                session.release(id);
            }
        }
    }
}
