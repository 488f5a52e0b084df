package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A scripted JSON-RPC node for client tests: HTTP POST and WebSocket on one port of 127.0.0.1
 * (Netty), with methods that exercise the client's paths.
 *
 * <ul>
 *   <li>{@code add(a, b…)} → the sum; {@code echo(…)} → the params array; {@code nothing} → null
 *   <li>{@code fail} → error -32602 "Invalid params: x must be a hash" with data {"param":"x"}
 *   <li>{@code slow} → never answers; {@code close} → closes the connection without answering
 *   <li>{@code big(n)} → a string of n characters
 *   <li>{@code hold(x)} → held until the next {@code hold}, then both answered newest first
 *   <li>{@code test_subscribe} (WebSocket) → notification 0 <em>before</em> the answer "sub-1", then 1 and 2,
 *       and a notification for an unknown subscription; {@code test_subscribeNumeric} → id 7, notifications 10, 11
 *   <li>{@code test_subscribeThenClose([graceful])} → id "sub-2", notification 0, then the connection
 *       closes (after a close frame with "graceful", else abruptly)
 *   <li>{@code test_unsubscribe(id)} → true; any other method → -32601 "Method not found"
 * </ul>
 */
public final class TestRpcServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    /** Every request received, in order. */
    public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** Whether WebSocket pings get their pong; false plays a node that hangs. */
    public volatile boolean answerPings = true;
    private JsonNode held;
    private Consumer<String> heldSend;

    /** Starts the server on a free port of 127.0.0.1. */
    public TestRpcServer() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** Returns {@code ws://127.0.0.1:<port>}. */
    public String wsUrl() {
        return "ws://127.0.0.1:" + port();
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Closes every open connection, as a node that shuts down does. */
    public void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                http(ctx, request);
            } else if (msg instanceof CloseWebSocketFrame close) {
                handshaker.close(ctx.channel(), close.retain());
            } else if (msg instanceof TextWebSocketFrame text) {
                handle(ctx.channel(), text.text(), out -> ctx.channel().writeAndFlush(new TextWebSocketFrame(out)), true);
            } else if (msg instanceof PingWebSocketFrame ping) {
                if (answerPings) {
                    ctx.channel().writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                }
            } else if (msg instanceof WebSocketFrame) {
                ctx.close();
            }
        }

        private void http(ChannelHandlerContext ctx, FullHttpRequest request) {
            if ("websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                handshaker = new WebSocketServerHandshakerFactory("ws://127.0.0.1/", null, false, 64 << 20)
                        .newHandshaker(request);
                handshaker.handshake(ctx.channel(), request);
                return;
            }
            if (!request.method().equals(HttpMethod.POST)) {
                respond(ctx, HttpResponseStatus.NOT_FOUND, "text/html", "<html>not here</html>");
                return;
            }
            handle(ctx.channel(), request.content().toString(StandardCharsets.UTF_8),
                    out -> respond(ctx, HttpResponseStatus.OK, "application/json", out), false);
        }

        private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
        }
    }

    private void handle(Channel channel, String text, Consumer<String> send, boolean websocket) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (Exception e) {
            send.accept("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
            return;
        }
        requests.add(request);
        JsonNode id = request.get("id");
        JsonNode params = request.path("params");
        switch (request.path("method").asText()) {
            case "add" -> {
                long sum = 0;
                for (JsonNode p : params) {
                    sum += p.asLong();
                }
                send.accept(result(id, JsonNodeFactory.instance.numberNode(sum)));
            }
            case "echo" -> send.accept(result(id, params));
            case "nothing" -> send.accept(result(id, null));
            case "fail" -> {
                ObjectNode response = envelope(id);
                ObjectNode error = response.putObject("error");
                error.put("code", -32602);
                error.put("message", "Invalid params: x must be a hash");
                error.putObject("data").put("param", "x");
                send.accept(response.toString());
            }
            case "slow" -> { }
            case "close" -> channel.close();
            case "big" -> send.accept(result(id, JsonNodeFactory.instance.textNode("b".repeat(params.path(0).asInt()))));
            case "hold" -> {
                synchronized (this) {
                    if (held == null) {
                        held = request;
                        heldSend = send;
                    } else {
                        send.accept(result(id, params.path(0)));
                        heldSend.accept(result(held.get("id"), held.path("params").path(0)));
                        held = null;
                    }
                }
            }
            case "test_subscribe" -> {
                send.accept(notification("sub-1", 0));
                send.accept(result(id, JsonNodeFactory.instance.textNode("sub-1")));
                send.accept(notification("sub-1", 1));
                send.accept(notification("someone-else", 99));
                send.accept(notification("sub-1", 2));
            }
            case "test_subscribeNumeric" -> {
                send.accept(result(id, JsonNodeFactory.instance.numberNode(7)));
                send.accept(notification(JsonNodeFactory.instance.numberNode(7), 10));
                send.accept(notification(JsonNodeFactory.instance.numberNode(7), 11));
            }
            case "test_subscribeThenClose" -> {
                send.accept(result(id, JsonNodeFactory.instance.textNode("sub-2")));
                send.accept(notification("sub-2", 0));
                if ("graceful".equals(params.path(0).asText())) {
                    channel.writeAndFlush(new CloseWebSocketFrame(1001, "going away"));
                }
                channel.close();
            }
            case "test_unsubscribe" -> send.accept(result(id, JsonNodeFactory.instance.booleanNode(true)));
            default -> {
                ObjectNode response = envelope(id);
                ObjectNode error = response.putObject("error");
                error.put("code", -32601);
                error.put("message", "Method not found");
                send.accept(response.toString());
            }
        }
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = JSON.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        return response;
    }

    private static String result(JsonNode id, JsonNode result) {
        ObjectNode response = envelope(id);
        response.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
        return response.toString();
    }

    private static String notification(String subscription, int value) {
        return notification(JsonNodeFactory.instance.textNode(subscription), value);
    }

    private static String notification(JsonNode subscription, int value) {
        ObjectNode n = JSON.createObjectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", "test_notification");
        ObjectNode params = n.putObject("params");
        params.set("subscription", subscription);
        params.put("result", value);
        return n.toString();
    }
}
