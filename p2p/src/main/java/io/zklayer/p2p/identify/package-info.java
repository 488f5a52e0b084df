/** libp2p identify and identify push: peers exchange keys, protocols and addresses. */
package io.zklayer.p2p.identify;
