/**
 * The {@code zklayer} command line (picocli), shaped like Substrate's: {@code zklayer --dev} runs a
 * development node, {@code zklayer key inspect //Alice} prints a key, {@code zklayer purge-chain}
 * removes a chain's database, {@code zklayer build-spec --chain local --raw} prints a chain spec,
 * {@code zklayer rpc system_health} queries a running node, and {@code zklayer tx transfer --from
 * //Alice --to 5GoNkf6W… --amount 1.5 --wait} signs, submits and follows a transaction.
 *
 * <p>{@link io.zklayer.node.cli.ZklayerCli} parses; {@link io.zklayer.node.cli.RunOptions} turns
 * the node options into an immutable, validated {@link io.zklayer.node.cli.NodeConfig} whose errors
 * name the flag ({@code --rpc-port must be 0…65535, got 70000}); the node service receives it
 * through {@link io.zklayer.node.cli.NodeLauncher}, found by {@link java.util.ServiceLoader}.
 * {@link io.zklayer.node.cli.NodePaths} fixes the data layout {@code <base>/chains/<id>/{db,keystore,network}},
 * and {@link io.zklayer.node.cli.LogLevels} applies {@code --log} to Logback. The {@code tx}
 * commands talk to a node only through its JSON-RPC API ({@code TxSession}),
 * as any wallet would, and read outcomes from the block's events
 * ({@code ExtrinsicOutcome}).
 */
package io.zklayer.node.cli;
