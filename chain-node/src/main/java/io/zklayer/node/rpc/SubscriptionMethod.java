package io.zklayer.node.rpc;

import java.util.List;

/**
 * A pub-sub method pair of Substrate's shape: {@code chain_subscribeNewHeads} answers a
 * subscription id, then notifications {@code chain_newHead} arrive with
 * {@code {"subscription": id, "result": …}} until {@code chain_unsubscribeNewHeads(id)}.
 * Only available over WebSocket.
 */
public interface SubscriptionMethod {
    /** Returns the subscribe method name. */
    String subscribeName();

    /** Returns the unsubscribe method name. */
    String unsubscribeName();

    /** Returns the method name of the notifications. */
    String notificationName();

    /** Returns the parameter names of the subscribe call. */
    List<String> parameterNames();

    /** Returns whether the subscription is unsafe (refused externally unless allowed). */
    default boolean unsafe() {
        return false;
    }

    /**
     * Starts a subscription: validates params (throwing {@link RpcException}) and returns a handle
     * that stops it. The sink may be called from any thread, and may be called before this returns
     * (notifications are queued until the subscription id has been answered).
     */
    Subscription subscribe(RpcParams params, NotificationSink sink) throws RpcException;

    /** Returns a subscription method from its three names, parameter names and a starter. */
    static SubscriptionMethod of(String subscribe, String unsubscribe, String notification, List<String> parameterNames,
                                 Starter starter) {
        return new SubscriptionMethod() {
            @Override
            public String subscribeName() {
                return subscribe;
            }

            @Override
            public String unsubscribeName() {
                return unsubscribe;
            }

            @Override
            public String notificationName() {
                return notification;
            }

            @Override
            public List<String> parameterNames() {
                return parameterNames;
            }

            @Override
            public Subscription subscribe(RpcParams params, NotificationSink sink) {
                return starter.start(params, sink);
            }
        };
    }

    /** Starts one subscription. */
    @FunctionalInterface
    interface Starter {
        /** Validates params and starts sending to {@code sink}. */
        Subscription start(RpcParams params, NotificationSink sink);
    }

    /** A running subscription. */
    interface Subscription {
        /** Stops notifications; called on unsubscribe and when the connection closes. */
        void cancel();
    }

    /** Where notifications of one subscription go. */
    interface NotificationSink {
        /** Sends one notification with {@code result}. */
        void send(Object result);

        /** Ends the subscription from the server side (for example after a final status). */
        void close();
    }
}
