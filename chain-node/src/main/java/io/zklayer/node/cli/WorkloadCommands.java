package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.sdk.DigitsModel;
import io.zklayer.sdk.data.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer workload submit}: a user's inference request. It reads the model from the node
 * ({@code zklayer_model}), signs {@code inference.submit_workload} with the input inline and the price
 * in escrow and, with {@code --wait}, follows it to finality, then follows the workload
 * ({@code zklayer_workload}) until a node's result is accepted, and prints the output, the block and
 * that the proof verified: on chain (the Inference pallet accepted it, {@code ResultAccepted}) and
 * here, against the registered verifying key, weight commitment and the input's commitment.
 *
 * <pre>
 * zklayer workload submit --model digits --sample 0 --wait
 * zklayer workload submit --model 0 --input image.txt --max-price 2 --from //Bob --wait
 * </pre>
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = {"Submit inference workloads.", "Example:", "  zklayer workload submit --model digits --sample 0 --wait"})
final class WorkloadCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private WorkloadCommands() {}

    /** Returns {@code workload} with its subcommands. */
    static CommandLine create(CliEnvironment env) {
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        CommandLine w = new CommandLine(new WorkloadCommands());
        w.addSubcommand("submit", new Submit(env, runtime));
        return w;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "workload: missing subcommand (submit)");
    }

    /** Returns a decimal token amount in planck, naming {@code option} in errors. */
    static BigInteger toPlanck(CommandSpec spec, ChainInfo chain, TokenAmount amount, boolean planck, String option) {
        if (!planck && chain.tokenDecimals().isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": the node reports no tokenDecimals, so give it in planck with --planck");
        }
        try {
            return amount.toPlanck(planck ? 0 : chain.tokenDecimals().getAsInt());
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("--amount", option));
        }
    }

    /** Returns the input bytes in a text file: integers (−128…127) separated by commas or white space, optionally in [ ]. */
    static byte[] readInput(Path file) {
        String text;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new InvalidConfigException("--input " + file + " is larger than 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("--input " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("--input " + file + ": cannot read: " + e.getMessage(), e);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String[] parts = text.isBlank() ? new String[0] : text.split("[,\\s]+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidConfigException("--input " + file + ": value " + (i + 1) + " '" + parts[i] + "' is not an integer");
            }
            if (v < -128 || v > 127) {
                throw new InvalidConfigException("--input " + file + ": value " + (i + 1) + " is " + v + ", outside -128…127");
            }
            out[i] = (byte) v;
        }
        if (out.length == 0) {
            throw new InvalidConfigException("--input " + file + " holds no values");
        }
        return out;
    }

    /** {@code workload submit}. */
    @Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Submit an inference workload (Inference.submit_workload) with its input inline and the price in escrow.",
                    "With --wait: follow it until a node's result is accepted and print the output, the block and the proof check."})
    static final class Submit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "<id|name>", description = "The model: its id, or its name (latest version).")
        String model;

        @ArgGroup(exclusive = true, multiplicity = "1")
        InputChoice input;

        static final class InputChoice {
            @Option(names = "--input", paramLabel = "<file>",
                    description = "A text file of input values (-128…127), separated by commas or white space.")
            Path file;

            @Option(names = "--sample", paramLabel = "<n>",
                    description = "Row n of the model's data set (the shipped digits data for 'digits', else --data).")
            Integer sample;
        }

        @Option(names = "--data", paramLabel = "<csv>", description = "With --sample: the data set to take the row from.")
        Path data;

        @Option(names = "--feature-scale", paramLabel = "<n>", defaultValue = "1",
                description = "With --data: multiply features by n and round. Default: ${DEFAULT-VALUE}.")
        int featureScale;

        @Option(names = "--max-price", paramLabel = "<amount>",
                description = "Escrow, in tokens (or planck with --planck). Default: the model's price per inference.")
        String maxPrice;

        @Option(names = "--planck", description = "--max-price is a whole number of planck.")
        boolean planck;

        @Option(names = "--deadline", paramLabel = "<blocks>", defaultValue = "10",
                description = "Blocks a node has for its result after each assignment. Default: ${DEFAULT-VALUE}.")
        long deadline;

        @Option(names = "--from", paramLabel = "<secret uri>", defaultValue = "//Bob",
                description = {"The paying account's key (as tx --from). Default: ${DEFAULT-VALUE}, a dev account,",
                        "so the dev walkthrough shows a user paying //Alice's node."})
        String from;

        @Option(names = "--nonce", paramLabel = "<n>", description = "The nonce to sign with. Default: the node's system_accountNextIndex.")
        Long nonce;

        @Mixin
        TxCommands.NodeOptions node = new TxCommands.NodeOptions();

        private final CliEnvironment env;
        private final Runtime runtime;

        Submit(CliEnvironment env, Runtime runtime) {
            this.env = env;
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws Exception {
            if (deadline < 1 || deadline > 0xFFFF_FFFFL) {
                throw new ParameterException(spec.commandLine(), "--deadline must be 1…4294967295 blocks, got " + deadline);
            }
            TxCommands.SignerOptions signer = new TxCommands.SignerOptions();
            signer.from = from;
            signer.tip = "0";
            signer.nonce = nonce;
            signer.check(spec);
            Optional<TokenAmount> price = maxPrice == null ? Optional.empty()
                    : Optional.of(TxCommands.checked(spec, () -> new TokenAmount(maxPrice, planck)));
            byte[] fileInput = input.file != null ? TxCommands.checked(spec, () -> readInput(input.file)) : null;
            node.check(spec);
            Ed25519KeyPair key = signer.key(spec, env);
            PrintWriter out = spec.commandLine().getOut();
            try (TxSession session = node.open(spec, runtime)) {
                RegisteredModelJson m = lookup(session);
                if (!m.active()) {
                    throw new ParameterException(spec.commandLine(), "--model: " + m.name() + " v" + m.version() + " (id " + m.id()
                            + ") is deprecated and takes no workloads");
                }
                byte[] x = fileInput != null ? fileInput : sample(m);
                if (x.length != m.input().size()) {
                    throw new ParameterException(spec.commandLine(), "the input has " + x.length + " values but model " + m.name()
                            + " takes " + m.input().size() + " (shape " + m.input().shape() + ")");
                }
                for (int i = 0; i < x.length; i++) {
                    if (x[i] < m.input().min() || x[i] > m.input().max()) {
                        throw new ParameterException(spec.commandLine(), "input value " + (i + 1) + " is " + x[i] + ", outside the model's range "
                                + m.input().min() + "…" + m.input().max());
                    }
                }
                BigInteger escrow = price.isPresent() ? toPlanck(spec, session.chain(), price.get(), planck, "--max-price")
                        : m.pricePerInference();
                out.println("Workload for model " + m.name() + " v" + m.version() + " (id " + m.id() + "): " + x.length
                        + " input values, escrow " + escrow + " planck, deadline " + deadline + " blocks");
                Call call = PoolCommands.runtimeCall(InferencePallet.INDEX, InferenceCall.CODEC.encode(
                        new InferenceCall.SubmitWorkload(m.id(), new WorkloadInput.Inline(x), escrow, deadline)));
                byte[] extrinsic = session.sign(key, call, signer.nonce(spec), BigInteger.ZERO);
                if (!node.wait) {
                    return session.send(extrinsic, false);
                }
                Optional<TxSession.Included> included = session.sendAndFollow(extrinsic);
                if (included.isEmpty() || !included.get().outcome().succeeded()) {
                    return 1;
                }
                Optional<Long> id = workloadId(included.get().events());
                if (id.isEmpty()) {
                    spec.commandLine().getErr().println("error: the block has no Inference.WorkloadSubmitted event for the transaction");
                    return 1;
                }
                out.println("Workload " + id.get() + " submitted in block #" + included.get().blockNumber() + "; waiting for a node's result");
                out.flush();
                return new WorkloadFollower(session.client(), runtime, out, spec.commandLine().getErr(),
                        node.waitTimeoutSeconds == null ? TxCommands.NodeOptions.DEFAULT_WAIT_SECONDS : node.waitTimeoutSeconds)
                        .follow(id.get(), m, x);
            }
        }

        private RegisteredModelJson lookup(TxSession session) {
            JsonNode answer;
            try {
                answer = session.client().call("zklayer_model", model.matches("[0-9]{1,10}") ? (Object) Long.parseLong(model) : model);
            } catch (RpcClientException e) {
                if (e.kind() == RpcClientException.Kind.RPC_ERROR && e.code() == -32601) {
                    throw new IllegalStateException("the node has no zklayer_model method (is it a ZKLayer node with the model registry?)", e);
                }
                throw e;
            }
            if (answer == null || answer.isNull()) {
                throw new ParameterException(spec.commandLine(), "--model " + model + ": no such model on the node (see zklayer rpc zklayer_models)");
            }
            return RegisteredModelJson.parse(answer);
        }

        private byte[] sample(RegisteredModelJson m) {
            Dataset d;
            if (data != null) {
                CsvDataOptions csv = new CsvDataOptions();
                csv.data = data;
                csv.featureScale = featureScale;
                csv.header = "auto";
                d = csv.read(spec);
            } else if (m.name().equals("digits")) {
                d = DigitsModel.dataset();
            } else {
                throw new ParameterException(spec.commandLine(), "--sample: model " + m.name() + " has no shipped data set; give --data <csv>");
            }
            if (input.sample < 0 || input.sample >= d.size()) {
                throw new ParameterException(spec.commandLine(), "--sample must be 0…" + (d.size() - 1) + " for this data set, got " + input.sample);
            }
            int[] row = d.features()[input.sample];
            spec.commandLine().getOut().println("Sample " + input.sample + " (label " + d.labels()[input.sample] + ")");
            return ModelCommands.toBytes(row);
        }

        static Optional<Long> workloadId(List<EventRecord> events) {
            for (EventRecord r : events) {
                RuntimeEvent e = r.event();
                if (e.palletIndex() == InferencePallet.INDEX) {
                    byte[] enc = new byte[1 + e.fields().length];
                    enc[0] = (byte) e.eventIndex();
                    System.arraycopy(e.fields(), 0, enc, 1, e.fields().length);
                    if (InferenceEvent.CODEC.decode(enc) instanceof InferenceEvent.WorkloadSubmitted s) {
                        return Optional.of(s.id());
                    }
                }
            }
            return Optional.empty();
        }
    }
}
