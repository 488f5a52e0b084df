package io.zklayer.node.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP POST and WebSocket on one port, as Substrate serves it. Calls run on a
 * worker pool, never on the Netty event loop, one at a time per connection so that replies keep
 * request order; notifications of subscriptions are pushed on the same WebSocket.
 */
public final class JsonRpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);

    private final RpcServerConfig config;
    private final RpcDispatcher dispatcher;
    private final AtomicInteger connections = new AtomicInteger();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final ExecutorService workers;
    private Channel serverChannel;

    /** Creates a server; {@link #start()} binds it. */
    public JsonRpcServer(RpcServerConfig config, RpcRegistry registry) {
        this.config = config;
        this.dispatcher = new RpcDispatcher(registry, config.allowUnsafe(), config.maxBatch());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rpc-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds the port; returns the address actually bound (useful with port 0). */
    public InetSocketAddress start() throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ConnectionLimiter());
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpObjectAggregator(config.maxRequestBytes()));
                        ch.pipeline().addLast(new HttpCallHandler());
                        ch.pipeline().addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                .websocketPath("/")
                                .checkStartsWith(true)
                                // Frames a little over the limit are read so the client gets a JSON-RPC
                                // error (-32007); far larger ones close the connection (1009).
                                .maxFramePayloadLength(hardFrameLimit())
                                .handleCloseFrames(true)
                                .build()));
                        ch.pipeline().addLast(new WebSocketFrameAggregator(hardFrameLimit()));
                        ch.pipeline().addLast(new WebSocketCallHandler());
                    }
                });
        try {
            serverChannel = b.bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen for RPC on " + config.host() + ":" + config.port()
                    + " (" + e.getMessage() + "); is another node running? choose another --rpc-port", e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("JSON-RPC listening on http://{}:{} and ws://{}:{} (unsafe methods {})", bound.getHostString(),
                bound.getPort(), bound.getHostString(), bound.getPort(), config.allowUnsafe() ? "allowed" : "refused");
        return bound;
    }

    private int hardFrameLimit() {
        return (int) Math.min(Integer.MAX_VALUE - 1024, 2L * config.maxRequestBytes()) + 1024;
    }

    /** Returns how many connections are open. */
    public int connectionCount() {
        return connections.get();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownNow();
    }

    /** Refuses connections beyond the limit by closing them at once. */
    private final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
        private boolean counted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (connections.incrementAndGet() > config.maxConnections()) {
                connections.decrementAndGet();
                LOG.warn("RPC connection from {} refused: the limit of {} connections is reached (--rpc-max-connections)",
                        ctx.channel().remoteAddress(), config.maxConnections());
                ctx.close();
                return;
            }
            counted = true;
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (counted) {
                connections.decrementAndGet();
                counted = false;
            }
            super.channelInactive(ctx);
        }
    }

    /** Runs tasks of one connection in order on the worker pool. */
    private final class SerialQueue {
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        private boolean running;

        void submit(Runnable task) {
            synchronized (this) {
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            try {
                workers.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("RPC call dropped: server shutting down");
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.error("RPC task failed: {}", e.toString(), e);
                }
            }
        }
    }

    private String tooBig() {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32007,\"message\":\"Request is too big\",\"data\":"
                + "\"the limit is " + config.maxRequestBytes() + " bytes (--rpc-max-request-size)\"},\"id\":null}";
    }

    private String limitResponse(String json) {
        if (json != null && json.length() > config.maxResponseBytes()) {
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32008,\"message\":\"Response is too big\",\"data\":"
                    + "\"the reply exceeds the limit of " + config.maxResponseBytes() + " bytes\"},\"id\":null}";
        }
        return json;
    }

    /** Answers HTTP POST requests; passes WebSocket upgrades on to the handshake. */
    private final class HttpCallHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final SerialQueue queue = new SerialQueue();
        private final RpcSession session = new RpcSession(false, 1, s -> { });

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                ctx.fireChannelRead(req.retain()); // to the WebSocket handshake
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (!req.method().equals(HttpMethod.POST)) {
                respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED,
                        "JSON-RPC needs POST with a JSON body, or a WebSocket upgrade\n", "text/plain", keepAlive);
                return;
            }
            String body = req.content().toString(StandardCharsets.UTF_8);
            queue.submit(() -> {
                RpcDispatcher.Reply reply = dispatcher.handle(body, session);
                String json = limitResponse(reply.json());
                respond(ctx, HttpResponseStatus.OK, json == null ? "" : json, "application/json; charset=utf-8", keepAlive);
            });
        }

        private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body, String type,
                             boolean keepAlive) {
            ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            if (keepAlive) {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(res);
            } else {
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("RPC connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    /** Answers JSON-RPC text messages on an upgraded WebSocket and pushes notifications. */
    private final class WebSocketCallHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final SerialQueue queue = new SerialQueue();
        private RpcSession session;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                Channel ch = ctx.channel();
                session = new RpcSession(true, config.maxSubscriptionsPerConnection(),
                        json -> ch.writeAndFlush(new TextWebSocketFrame(json)));
                ch.closeFuture().addListener(f -> session.close());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (!(frame instanceof TextWebSocketFrame text)) {
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
                        "JSON-RPC messages must be text frames"));
                return;
            }
            if (text.content().readableBytes() > config.maxRequestBytes()) {
                ctx.writeAndFlush(new TextWebSocketFrame(tooBig()));
                return;
            }
            String body = text.text();
            RpcSession s = session;
            queue.submit(() -> {
                RpcDispatcher.Reply reply = dispatcher.handle(body, s);
                String json = limitResponse(reply.json());
                if (json != null) {
                    ctx.channel().writeAndFlush(new TextWebSocketFrame(json));
                }
                reply.afterSend().forEach(Runnable::run);
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
                LOG.debug("RPC client {} sent a message over {} bytes", ctx.channel().remoteAddress(),
                        config.maxRequestBytes());
                ctx.writeAndFlush(new TextWebSocketFrame(tooBig()));
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, "request too big"))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            LOG.debug("RPC connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

}
