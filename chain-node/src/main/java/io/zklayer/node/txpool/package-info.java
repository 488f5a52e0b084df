/**
 * The transaction pool: ready and future sets ordered by Substrate's tag rules, priority by tip then
 * age, bans for invalid transactions, limits, revalidation after each imported block, and the
 * status stream of {@code author_submitAndWatchExtrinsic}.
 */
package io.zklayer.node.txpool;
