package io.zklayer.node.cli;

import io.zklayer.pallets.pools.PoolsCall;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.Call;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer pool join|leave}: a model node enters or leaves the node pools (the Pools pallet's
 * {@code register_node} and {@code deregister}), signed with the node's key. Both take effect at the
 * next epoch: a node that joins in epoch e is assigned workloads from epoch e + 1.
 *
 * <pre>
 * zklayer pool join --from //Alice --models 0 --compute-units 1000 --bond 100 --wait
 * zklayer pool leave --from //Alice --wait
 * </pre>
 */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = {"Join or leave the model node pools (active from the next epoch).", "Examples:",
                "  zklayer pool join --from //Alice --models 0 --compute-units 1000 --bond 100 --wait",
                "  zklayer pool leave --from //Alice --wait"})
final class PoolCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private PoolCommands() {}

    /** Returns {@code pool} with its subcommands. */
    static CommandLine create(CliEnvironment env) {
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        CommandLine pool = new CommandLine(new PoolCommands());
        pool.addSubcommand("join", new Join(env, runtime));
        pool.addSubcommand("leave", new Leave(env, runtime));
        return pool;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "pool: missing subcommand (join or leave)");
    }

    /** Returns a pallet call as a runtime {@link Call}: the pallet index, then the encoded call (index byte, arguments). */
    static Call runtimeCall(int palletIndex, byte[] encodedCall) {
        return new Call(palletIndex, encodedCall[0] & 0xFF, Arrays.copyOfRange(encodedCall, 1, encodedCall.length));
    }

    /** {@code pool join}: Pools.register_node. */
    @Command(name = "join", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Register the signer as a node serving the given models (Pools.register_node), reserving the bond.",
                    "The node is assigned workloads from the next epoch, never more compute units per epoch than it offers."})
    static final class Join extends SignedCallCommand {
        @Option(names = "--models", required = true, split = ",", paramLabel = "<id>",
                description = "Model ids to serve, comma-separated (see zklayer rpc zklayer_models).")
        List<Long> models = new ArrayList<>();

        @Option(names = "--compute-units", required = true, paramLabel = "<n>",
                description = "Compute units offered per epoch (each inference uses the model's compute units).")
        long computeUnits;

        @Option(names = "--bond", required = true, paramLabel = "<amount>",
                description = "Bond to reserve, in tokens (decimal), or planck with --planck; slashed for missed deadlines and invalid results.")
        String bond;

        @Option(names = "--planck", description = "--bond is a whole number of planck.")
        boolean planck;

        private TokenAmount amount;

        Join(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        void checkOptions() {
            TreeSet<Long> ids = new TreeSet<>(models);
            for (long id : ids) {
                if (id < 0 || id > 0xFFFF_FFFFL) {
                    throw new ParameterException(spec.commandLine(), "--models: a model id is a u32 (0…4294967295), got " + id);
                }
            }
            if (ids.size() != models.size()) {
                throw new ParameterException(spec.commandLine(), "--models: " + models + " names a model twice");
            }
            if (computeUnits < 1) {
                throw new ParameterException(spec.commandLine(), "--compute-units must be at least 1, got " + computeUnits);
            }
            amount = TxCommands.checked(spec, () -> new TokenAmount(bond, planck));
        }

        @Override
        Call buildCall(TxSession session, Ed25519KeyPair signerKey) {
            List<Long> ids = List.copyOf(new TreeSet<>(models));
            BigInteger planckBond = WorkloadCommands.toPlanck(spec, session.chain(), amount, planck, "--bond");
            spec.commandLine().getOut().println("Join the pools of models " + ids + " with " + computeUnits
                    + " compute units per epoch and a bond of " + planckBond + " planck (active from the next epoch)");
            return runtimeCall(PoolsPallet.INDEX, PoolsCall.CODEC.encode(new PoolsCall.RegisterNode(ids, computeUnits, planckBond)));
        }
    }

    /** {@code pool leave}: Pools.deregister. */
    @Command(name = "leave", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Leave the pools at the next epoch (Pools.deregister); the bond then unbonds for the unbonding period."})
    static final class Leave extends SignedCallCommand {
        Leave(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        Call buildCall(TxSession session, Ed25519KeyPair signerKey) {
            return runtimeCall(PoolsPallet.INDEX, PoolsCall.CODEC.encode(new PoolsCall.Deregister()));
        }
    }
}
