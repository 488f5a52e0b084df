package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecException;
import io.zklayer.genesis.ChainSpecJson;
import io.zklayer.genesis.ChainSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer build-spec [--chain dev|local|FILE] [--raw] [--output FILE]}: prints a chain spec
 * as JSON, as Substrate's {@code build-spec} does, so that a testnet can start from a file the
 * operator edits and shares.
 *
 * <p>The human form lists the genesis config ({@code "genesis": {"runtimeGenesis": {"config": …}}});
 * {@code --raw} writes every genesis storage entry instead ({@code "genesis": {"raw": {"top":
 * {"0x26aa394e…": "0x…"}}}}), which every node must use to agree on the genesis hash. Both forms
 * build the same genesis block. Without {@code --chain} the chain is {@code local}, or {@code dev}
 * with {@code --dev}, as for {@code run}. The JSON goes to stdout, or with {@code --output} to a
 * file written through a temporary file and a move, so that a failed run never leaves half a spec.
 */
@Command(name = "build-spec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a chain spec as JSON (human form, or raw with --raw).", "Examples:",
                "  zklayer build-spec --chain local > local.json",
                "  zklayer build-spec --chain local --validators 5 --raw -o testnet.json",
                "  zklayer build-spec --chain local.json --raw --output local-raw.json"})
public final class BuildSpecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--chain", paramLabel = "<preset|file>",
            description = "Chain preset (dev, local) or chain spec JSON file. Default: local, or dev with --dev.")
    String chain;

    @Option(names = "--dev", description = "Shortcut for --chain dev.")
    boolean dev;

    @Option(names = "--raw", description = "Write the genesis as raw storage entries (what nodes should be started with).")
    boolean raw;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to this file instead of stdout.")
    Path output;

    @Option(names = "--validators", paramLabel = "<n>",
            description = "Replace the genesis validators by the first n testnet keys: //Alice, //Bob, //Charlie, //Dave,"
                    + " //Eve, //Ferdie, then //Validator7, //Validator8, … (1…100; human-form specs only).")
    Integer validators;

    @Override
    public Integer call() {
        String chosen = chosenChain();
        ChainSpec chainSpec = load(chosen);
        if (validators != null) {
            chainSpec = withValidators(chainSpec, chosen);
        }
        String json;
        try {
            json = ChainSpecJson.write(chainSpec, raw);
        } catch (ChainSpecException e) {
            throw new IllegalStateException("--chain " + chosen + ": cannot build the raw genesis: " + e.getMessage(), e);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(json);
            out.flush();
            return 0;
        }
        write(output, json);
        PrintWriter err = spec.commandLine().getErr();
        err.println("Wrote the " + (raw || chainSpec.isRaw() ? "raw" : "human") + " chain spec of '" + chainSpec.name()
                + "' (" + chainSpec.id() + ") to " + output);
        err.flush();
        return 0;
    }

    private String chosenChain() {
        if (chain == null) {
            return dev ? ChainSelection.DEV : ChainSelection.LOCAL;
        }
        if (dev && !ChainSelection.DEV.equals(chain)) {
            throw new ParameterException(spec.commandLine(), "--dev means --chain dev; it cannot be combined with --chain "
                    + chain);
        }
        if (chain.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--chain must name a preset (" + String.join(", ",
                    ChainSpecs.PRESETS) + ") or a chain spec file, got an empty value");
        }
        return chain;
    }

    // A name that is neither preset nor file, or a file that is not a valid spec, is bad input: exit 2.
    private ChainSpec load(String chosen) {
        try {
            return ChainSpecs.load(chosen);
        } catch (ChainSpecException e) {
            throw new ParameterException(spec.commandLine(), "--chain " + chosen + ": not a valid chain spec: "
                    + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--chain " + chosen + ": cannot read: "
                    + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--chain: " + e.getMessage(), e);
        }
    }

    // Edits session.validators in the spec's human JSON and reads it back, so that every other
    // genesis field, whatever the runtime's genesis holds, passes through unchanged and is re-checked.
    private ChainSpec withValidators(ChainSpec chainSpec, String chosen) {
        if (validators < 1 || validators > TestnetValidators.MAX) {
            throw new ParameterException(spec.commandLine(), "--validators must be 1…" + TestnetValidators.MAX + ", got "
                    + validators);
        }
        if (chainSpec.isRaw()) {
            throw new ParameterException(spec.commandLine(), "--validators needs a human-form spec; --chain " + chosen
                    + " is raw (its validators are storage entries)");
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(ChainSpecJson.write(chainSpec, false));
            ArrayNode list = root.withObject("/genesis/runtimeGenesis/config/session").putArray("validators");
            for (int i = 0; i < validators; i++) {
                list.add(TestnetValidators.key(i).publicKey().toSs58(chainSpec.properties().ss58Format()));
            }
            return ChainSpecJson.read(mapper.writeValueAsString(root));
        } catch (IOException | ClassCastException | ChainSpecException e) {
            throw new IllegalStateException("--validators: cannot rewrite the genesis validators of " + chosen + ": "
                    + e.getMessage(), e);
        }
    }

    private static void write(Path file, String json) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IllegalStateException("--output " + file + " is a directory; give a file name");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalStateException("--output " + file + ": the directory " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; the message below says why
                }
            }
            throw new UncheckedIOException("--output " + file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
