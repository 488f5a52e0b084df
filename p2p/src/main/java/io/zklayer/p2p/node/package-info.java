/** The p2p node facade: a host with identify, ping, gossipsub and request-response wired together. */
package io.zklayer.p2p.node;
