package io.zklayer.node.network.protocol;

import io.zklayer.primitives.types.H256;

/**
 * The chain's protocol ids and gossip topics, all under the genesis hash in hex without
 * {@code 0x}, as Substrate names its protocols ({@code /<genesis>/sync/2}): nodes of another chain
 * never subscribe to the same topics or speak the same protocols.
 *
 * <p>For genesis {@code 0xab…ef}: {@code /ab…ef/block-announces/1} (gossip),
 * {@code /ab…ef/transactions/1} (gossip), {@code /ab…ef/finality/1} (gossip),
 * {@code /ab…ef/status/1}, {@code /ab…ef/sync/1} and {@code /ab…ef/finality-direct/1}
 * (request-response).
 *
 * @param prefix {@code /<genesis hex>}
 */
public record ProtocolNames(String prefix) {
    /** Returns the names of the chain with this genesis hash. */
    public static ProtocolNames forGenesis(H256 genesis) {
        return new ProtocolNames("/" + genesis.toHex().substring(2));
    }

    /** Returns the gossip topic of block announcements. */
    public String blockAnnounces() {
        return prefix + "/block-announces/1";
    }

    /** Returns the gossip topic of transactions. */
    public String transactions() {
        return prefix + "/transactions/1";
    }

    /** Returns the gossip topic of finality votes. */
    public String finality() {
        return prefix + "/finality/1";
    }

    /** Returns the request-response protocol of status exchange. */
    public String status() {
        return prefix + "/status/1";
    }

    /** Returns the request-response protocol that carries a finality message to one peer (catch-up). */
    public String finalityDirect() {
        return prefix + "/finality-direct/1";
    }

    /** Returns the request-response protocol of block requests. */
    public String sync() {
        return prefix + "/sync/1";
    }
}
