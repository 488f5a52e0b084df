package io.zklayer.node.rpc;

import java.util.List;

/**
 * One JSON-RPC method. Implementations are small classes (or lambdas for one-liners) registered in
 * an {@link RpcRegistry}; they return a value Jackson can serialise, or throw {@link RpcException}.
 */
public interface RpcMethod {
    /** Returns the method name, e.g. {@code chain_getHeader}. */
    String name();

    /** Returns the parameter names in order, used in error messages and for named parameters. */
    List<String> parameterNames();

    /** Returns whether the method is refused on an external interface unless {@code --rpc-methods unsafe}. */
    default boolean unsafe() {
        return false;
    }

    /** Runs the call. */
    Object call(RpcParams params) throws RpcException;

    /** Returns a method from a name, its parameter names and a body. */
    static RpcMethod of(String name, List<String> parameterNames, Handler handler) {
        return new RpcMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> parameterNames() {
                return parameterNames;
            }

            @Override
            public Object call(RpcParams params) {
                return handler.call(params);
            }
        };
    }

    /** Returns an unsafe method (refused on external interfaces unless allowed). */
    static RpcMethod unsafe(String name, List<String> parameterNames, Handler handler) {
        RpcMethod inner = of(name, parameterNames, handler);
        return new RpcMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> parameterNames() {
                return parameterNames;
            }

            @Override
            public boolean unsafe() {
                return true;
            }

            @Override
            public Object call(RpcParams params) {
                return inner.call(params);
            }
        };
    }

    /** The body of a method. */
    @FunctionalInterface
    interface Handler {
        /** Returns the result for {@code params}. */
        Object call(RpcParams params);
    }
}
