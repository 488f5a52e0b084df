package io.zklayer.node.cli;

import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.Call;
import io.zklayer.runtime.Runtime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that signs one runtime call and submits it ({@code tx transfer}, {@code tx call},
 * {@code pool join}, {@code validator register}, …): the shared signer options ({@code --from},
 * {@code --nonce}, {@code --tip}) and node options ({@code --rpc-url}, {@code --wait}, timeouts), and
 * one order of work for all of them. First the command's own options are checked
 * ({@link #checkOptions}), then the shared ones, so a bad argument fails before a key is derived or a
 * socket opened; then the call is built with the open session (which knows the chain's token
 * decimals and address format), signed with the signer's nonce and tip, and sent; with {@code --wait}
 * it is followed to finality. The exit code is {@link TxSession#send}'s.
 */
abstract class SignedCallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TxCommands.SignerOptions signer = new TxCommands.SignerOptions();

    @Mixin
    TxCommands.NodeOptions node = new TxCommands.NodeOptions();

    final CliEnvironment env;
    final Runtime runtime;

    SignedCallCommand(CliEnvironment env, Runtime runtime) {
        this.env = env;
        this.runtime = runtime;
    }

    /**
     * Checks the command's own options; throws {@link picocli.CommandLine.ParameterException} naming
     * the option that is wrong. Nothing to check by default.
     */
    void checkOptions() {}

    /** Returns the call to sign; may print what it is about to do and read the chain through {@code session}. */
    abstract Call buildCall(TxSession session, Ed25519KeyPair signerKey) throws Exception;

    @Override
    public final Integer call() throws Exception {
        checkOptions();
        signer.check(spec);
        node.check(spec);
        Ed25519KeyPair key = signer.key(spec, env);
        try (TxSession session = node.open(spec, runtime)) {
            Call call = buildCall(session, key);
            return session.send(session.sign(key, call, signer.nonce(spec), signer.tip(spec)), node.wait);
        }
    }
}
