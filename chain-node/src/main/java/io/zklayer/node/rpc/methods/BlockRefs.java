package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcErrorCode;
import io.zklayer.node.rpc.RpcException;
import io.zklayer.node.rpc.RpcParams;
import io.zklayer.node.service.Node;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;

/** Resolves the optional {@code at} block parameter of state and chain methods. */
final class BlockRefs {
    private BlockRefs() {}

    /** Returns the block hash in parameter {@code index}, or the best block's when absent. */
    static H256 at(RpcParams params, int index, Node node) {
        if (!params.has(index)) {
            return node.backend().best().hash();
        }
        byte[] hash = params.optionalHexOfLength(index, 32);
        H256 h = H256.of(hash);
        if (node.backend().header(h).isEmpty()) {
            throw new RpcException(RpcErrorCode.STATE_ERROR, "Client error: UnknownBlock",
                    "block " + h + " is not known to this node");
        }
        return h;
    }

    /** Returns the state after block {@code hash}, or a state error naming why it is unavailable. */
    static TrieState state(Node node, H256 hash) {
        try {
            return node.backend().stateAt(hash);
        } catch (RuntimeException e) {
            throw new RpcException(RpcErrorCode.STATE_ERROR, "Client error: State unavailable", e.getMessage());
        }
    }
}
