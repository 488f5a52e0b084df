package io.zklayer.p2p.mss;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link MultistreamNegotiator} on a connection (raw for the security protocol, encrypted for
 * the muxer). On selection it calls {@code onSelected}, which installs the next handler after this
 * one, then removes itself; bytes already received after the selection pass on to that handler.
 * A failed negotiation closes the connection with the reason logged.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(MultistreamHandler.class);

    private final MultistreamNegotiator negotiator;
    private final boolean initiator;
    private final BiConsumer<ChannelHandlerContext, String> onSelected;
    private boolean started;

    /** Creates the handler; {@code onSelected} runs on the event loop with this handler's context. */
    public MultistreamHandler(MultistreamNegotiator negotiator, boolean initiator,
            BiConsumer<ChannelHandlerContext, String> onSelected) {
        this.negotiator = negotiator;
        this.initiator = initiator;
        this.onSelected = onSelected;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (!started) {
            started = true;
            ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(negotiator.start()));
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        MultistreamNegotiator.Step step = negotiator.onData(in);
        if (step.reply().length > 0) {
            ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(step.reply()));
        }
        if (step.isFailed()) {
            LOG.info("Closing {} ({}): {}", ctx.channel().remoteAddress(), initiator ? "outbound" : "inbound",
                    step.failure());
            in.skipBytes(in.readableBytes());
            ctx.close();
        } else if (step.isSelected()) {
            onSelected.accept(ctx, step.selected());
            ctx.pipeline().remove(this);
        }
    }
}
