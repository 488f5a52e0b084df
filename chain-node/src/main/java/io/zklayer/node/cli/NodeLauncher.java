package io.zklayer.node.cli;

/**
 * What {@code zklayer run} (and {@code zklayer} with run options only) hands its validated
 * {@link NodeConfig} to: the node service, which builds storage, networking, RPC and consensus and
 * runs until shut down.
 *
 * <p>The CLI does not depend on the service: {@link ZklayerCli#main(String[])} finds the
 * implementation with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.zklayer.node.cli.NodeLauncher} entry), and tests pass a lambda.
 */
@FunctionalInterface
public interface NodeLauncher {
    /**
     * Runs the node until it stops and returns the process exit code (0 after a clean shutdown).
     *
     * @throws Exception when the node cannot start or fails; the CLI prints the message and exits 1
     */
    int run(NodeConfig cfg) throws Exception;
}
