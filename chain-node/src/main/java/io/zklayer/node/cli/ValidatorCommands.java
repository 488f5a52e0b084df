package io.zklayer.node.cli;

import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.InvalidSecretException;
import io.zklayer.primitives.crypto.SecretUri;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer validator register|unregister}: an account bonds a session key as a validator (the
 * Session pallet's {@code register_validator}, active from the next epoch) or takes it out again.
 * Registration needs proof that the signer holds the session key: the session key's ed25519
 * signature of {@code "zklayer:session-key" ‖ signer account} (19 + 32 bytes), which {@code tx call}
 * cannot make, so this command signs it with {@code --session-key} (by default the {@code --from}
 * key, so one key both bonds and authors).
 *
 * <pre>
 * zklayer validator register --from //Eve --bond 1000 --wait
 * zklayer validator register --from //Eve --session-key //Eve//session --bond 1500
 * zklayer validator unregister --from //Eve
 * </pre>
 */
@Command(name = "validator", mixinStandardHelpOptions = true,
        description = {"Register or unregister a validator session key (active from the next epoch).", "Examples:",
                "  zklayer validator register --from //Eve --bond 1000 --wait",
                "  zklayer validator unregister --from //Eve"})
final class ValidatorCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private ValidatorCommands() {}

    /** Returns {@code validator} with its subcommands. */
    static CommandLine create(CliEnvironment env) {
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        CommandLine validator = new CommandLine(new ValidatorCommands());
        validator.addSubcommand("register", new Register(env, runtime));
        validator.addSubcommand("unregister", new Unregister(env, runtime));
        return validator;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "validator: missing subcommand (register or unregister)");
    }

    /**
     * Returns {@code Session.register_validator(session key, bond, proof)} for {@code signer}, with the
     * proof signed by {@code sessionKey}: call bytes {@code 02 00 ‖ key (32) ‖ compact bond ‖ proof (64)}.
     */
    static Call registerCall(AccountId32 signer, Ed25519KeyPair sessionKey, BigInteger bond) {
        AccountId32 key = AccountId32.of(sessionKey.publicKey().bytes());
        byte[] proof = sessionKey.sign(SessionPallet.keyProofMessage(signer)).bytes();
        return PoolCommands.runtimeCall(SessionPallet.INDEX,
                SessionCall.CODEC.encode(new SessionCall.RegisterValidator(key, bond, proof)));
    }

    /** {@code validator register}: Session.register_validator with the key-ownership proof. */
    @Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Bond a session key as a validator (Session.register_validator); it authors and votes from"
                    + " the next epoch (epochs are fixed at their last block).",
                    "The session key signs \"zklayer:session-key\" ++ the signer's account id to prove it is held."})
    static final class Register extends SignedCallCommand {
        @Option(names = "--session-key", paramLabel = "<secret uri>",
                description = "The key the validator node authors with (its --key). Default: the --from key.")
        String sessionKey;

        @Option(names = "--bond", required = true, paramLabel = "<amount>",
                description = "Bond to reserve, in tokens (decimal), or planck with --planck; at least the runtime's"
                        + " minimum validator bond (1000 tokens in the presets).")
        String bond;

        @Option(names = "--planck", description = "--bond is a whole number of planck.")
        boolean planck;

        private TokenAmount amount;
        private Ed25519KeyPair session;

        Register(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        void checkOptions() {
            amount = TxCommands.checked(spec, () -> new TokenAmount(bond, planck));
            if (sessionKey != null) {
                try {
                    session = SecretUri.parse(sessionKey).ed25519();
                } catch (InvalidSecretException e) {
                    throw new ParameterException(spec.commandLine(), "--session-key: not a usable secret URI: "
                            + e.getMessage(), e);
                }
            }
        }

        @Override
        Call buildCall(TxSession tx, Ed25519KeyPair signerKey) {
            Ed25519KeyPair sessionPair = session == null ? signerKey : session;
            BigInteger planckBond = WorkloadCommands.toPlanck(spec, tx.chain(), amount, planck, "--bond");
            spec.commandLine().getOut().println("Register session key "
                    + tx.chain().address(sessionPair.publicKey().bytes()) + " with a bond of " + planckBond
                    + " planck (active from the next epoch)");
            return registerCall(AccountId32.of(signerKey.publicKey().bytes()), sessionPair, planckBond);
        }
    }

    /** {@code validator unregister}: Session.unregister. */
    @Command(name = "unregister", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Leave the validator set at the next epoch change (Session.unregister), which unreserves the bond."})
    static final class Unregister extends SignedCallCommand {
        Unregister(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        Call buildCall(TxSession session, Ed25519KeyPair signerKey) {
            return PoolCommands.runtimeCall(SessionPallet.INDEX, SessionCall.CODEC.encode(new SessionCall.Unregister()));
        }
    }
}
