package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.primitives.model.ModelInputException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.Evaluation;
import io.zklayer.sdk.ModelKit;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.pack.ModelJson;
import io.zklayer.sdk.train.TrainingConfig;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.model.ModelWasmCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer model train|evaluate|package|inspect|prove|register}: the model developer's path from a CSV data
 * set to an artifact ready to register, driving the sdk ({@link ModelKit},
 * {@link io.zklayer.sdk.pack.ModelPackager}).
 *
 * <pre>
 * zklayer model train --data iris.csv --feature-scale 10 --hidden 8 --seed 1 --out iris
 * zklayer model evaluate --model iris --data iris.csv --feature-scale 10
 * zklayer model package --model iris --name iris --out iris-artifact
 * zklayer model inspect iris-artifact
 * zklayer model register --artifact iris-artifact --price 1 --compute-units 10 --from //Bob --wait
 * </pre>
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Train, evaluate, package and inspect quantized models.", "Examples:",
                "  zklayer model train --data iris.csv --feature-scale 10 --hidden 8 --seed 1 --out iris",
                "  zklayer model evaluate --model iris --data iris.csv --feature-scale 10",
                "  zklayer model package --model iris --name iris --out iris-artifact",
                "  zklayer model inspect iris-artifact",
                "  zklayer model register --artifact iris-artifact --price 1 --compute-units 10 --from //Bob --wait"})
final class ModelCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private ModelCommands() {}

    /** Returns {@code model} with its subcommands. */
    static CommandLine create(CliEnvironment env) {
        CommandLine model = new CommandLine(new ModelCommands());
        model.addSubcommand("train", new Train());
        model.addSubcommand("evaluate", new Evaluate());
        model.addSubcommand("package", new ModelPackageCommand(env));
        model.addSubcommand("inspect", new ModelInspectCommand());
        model.addSubcommand("prove", new ModelProveCommand());
        model.addSubcommand("register", new ModelRegisterCommand(env));
        return model;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "model: missing subcommand (train, evaluate, package, inspect, prove or register)");
    }

    /** Returns a progress sink printing to the command's standard output. */
    static Progress progress(CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        return line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    /** How the held-out part is chosen: shared by {@code train} and {@code evaluate}. */
    static final class SplitOptions {
        @Option(names = "--test-fraction", paramLabel = "<f>", defaultValue = "0.2",
                description = "Fraction of samples held out for evaluation. Default: ${DEFAULT-VALUE}.")
        double testFraction;

        @Option(names = "--split-seed", paramLabel = "<n>", defaultValue = "2024",
                description = "Seed of the train/test shuffle. Default: ${DEFAULT-VALUE}.")
        long splitSeed;

        void check(CommandSpec spec, int samples) {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new ParameterException(spec.commandLine(), "--test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
            }
            long test = Math.round(samples * testFraction);
            if (test < 1 || test >= samples) {
                throw new ParameterException(spec.commandLine(), "--test-fraction " + testFraction + " of " + samples
                        + " samples leaves an empty training or test set");
            }
        }
    }

    /** {@code model train}: train an MLP on a CSV data set, quantize it and report held-out accuracy. */
    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train an MLP (inputs → hidden ReLU → classes) on a CSV data set, quantize it to int8,",
                    "print float and quantized held-out accuracy, and write <out>/model.zkm, model.json and training.json.",
                    "Training is seeded: the same data and options give the same model, byte for byte."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CsvDataOptions data = new CsvDataOptions();

        @Option(names = "--hidden", required = true, paramLabel = "<n>", description = "Hidden units (1…127).")
        int hidden;

        @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
                description = "Seed of weight initialisation and shuffling. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Directory to write the model to.")
        Path out;

        @Option(names = "--epochs", paramLabel = "<n>", defaultValue = "40", description = "Passes over the training set. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--batch", paramLabel = "<n>", defaultValue = "32", description = "Samples per Adam step. Default: ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--learning-rate", paramLabel = "<x>", defaultValue = "0.003", description = "Adam step size. Default: ${DEFAULT-VALUE}.")
        double learningRate;

        @Mixin
        SplitOptions split = new SplitOptions();

        @Override
        public Integer call() throws IOException {
            TxCommands.checked(spec, () -> InvalidConfigException.checkRange("--hidden", hidden, 1, 127, ""));
            TxCommands.checked(spec, () -> InvalidConfigException.checkRange("--epochs", epochs, 1, 100_000, ""));
            TxCommands.checked(spec, () -> InvalidConfigException.checkRange("--batch", batch, 1, 1_000_000, ""));
            if (!(learningRate > 0 && learningRate < 10)) {
                throw new ParameterException(spec.commandLine(), "--learning-rate must be in (0, 10), got " + learningRate);
            }
            Dataset d = data.read(spec);
            split.check(spec, d.size());
            int[] range = TxCommands.checked(spec, () -> CsvDataOptions.inputRange(d, data.featureScale));
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "data: %d samples, %d features, %d classes from %s (features %d…%d)%n", d.size(), d.width(), d.classes(),
                    data.data, range[0], range[1]);
            TrainingConfig config = new TrainingConfig(hidden, epochs, batch, learningRate, seed);
            ModelKit.Result r = progress(spec).timed("train", String.format(Locale.ROOT, "MLP %d → %d → %d, %d epochs, seed %d",
                    d.width(), hidden, d.classes(), epochs, seed),
                    () -> ModelKit.build(d, config, split.splitSeed, split.testFraction, List.of(d.width()), range[0], range[1]));
            o.println(r.evaluation());
            Files.createDirectories(out);
            Files.write(out.resolve("model.zkm"), r.model().toBytes());
            Files.writeString(out.resolve("model.json"), ModelJson.write(r.model()), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(ModelSource.TRAINING_REPORT), report(d, range, config, r.evaluation()), StandardCharsets.UTF_8);
            o.println("wrote " + out.resolve("model.zkm") + ", model.json and " + ModelSource.TRAINING_REPORT);
            o.flush();
            return 0;
        }

        private String report(Dataset d, int[] range, TrainingConfig c, Evaluation e) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            root.put("data", data.data.getFileName().toString());
            root.put("samples", d.size());
            root.put("features", d.width());
            root.put("classes", d.classes());
            root.put("featureScale", data.featureScale);
            root.put("inputMin", range[0]);
            root.put("inputMax", range[1]);
            root.put("hidden", c.hidden());
            root.put("epochs", c.epochs());
            root.put("batchSize", c.batchSize());
            root.put("learningRate", c.learningRate());
            root.put("seed", c.seed());
            root.put("splitSeed", split.splitSeed);
            root.put("testFraction", split.testFraction);
            ObjectNode ev = root.putObject("evaluation");
            ev.put("samples", e.samples());
            ev.put("floatCorrect", e.floatCorrect());
            ev.put("quantizedCorrect", e.quantizedCorrect());
            try {
                return json.writeValueAsString(root) + "\n";
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** {@code model evaluate}: accuracy of a quantized model, and agreement of its Wasm contract. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Evaluate a quantized argmax model on a CSV data set: accuracy of the reference executor on the",
                    "held-out split (or --all samples), and whether the Wasm contract gives the same output on each, with its gas."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "<file|dir>",
                description = "A model file (.zkm or .json), a `model train` directory or an artifact directory.")
        Path model;

        @Mixin
        CsvDataOptions data = new CsvDataOptions();

        @Mixin
        SplitOptions split = new SplitOptions();

        @Option(names = "--all", description = "Evaluate on every sample instead of the held-out split.")
        boolean all;

        @Override
        public Integer call() {
            QuantizedModel m = TxCommands.checked(spec, () -> ModelSource.load(model)).model();
            if (!(m.output() instanceof OutputSpec.ArgMax)) {
                throw new ParameterException(spec.commandLine(), "--model: evaluate needs an argmax (classifier) model, this one outputs "
                        + m.output());
            }
            Dataset d = data.read(spec);
            if (d.width() != m.input().size()) {
                throw new ParameterException(spec.commandLine(), "--data has " + d.width() + " features per sample but the model takes "
                        + m.input().size() + " inputs");
            }
            Dataset test = d;
            if (!all) {
                split.check(spec, d.size());
                test = d.split(split.splitSeed, split.testFraction).test();
            }
            byte[] wasm = ModelWasmCompiler.compile(m).wasm();
            int correct = 0;
            int agree = 0;
            int outOfRange = 0;
            long gas = 0;
            int[] perClassTotal = new int[Math.max(d.classes(), m.finalSize())];
            int[] perClassCorrect = new int[perClassTotal.length];
            try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
                for (int s = 0; s < test.size(); s++) {
                    byte[] x = toBytes(test.features()[s]);
                    byte[] ref;
                    try {
                        ref = ReferenceExecutor.infer(m, x);
                    } catch (ModelInputException e) {
                        outOfRange++;
                        continue;
                    }
                    int predicted = (ref[0] & 0xff) | (ref[1] & 0xff) << 8 | (ref[2] & 0xff) << 16 | (ref[3] & 0xff) << 24;
                    int label = test.labels()[s];
                    perClassTotal[label]++;
                    if (predicted == label) {
                        correct++;
                        perClassCorrect[label]++;
                    }
                    CallOutcome c = engine.call(wasm, x, 100_000_000L);
                    if (c instanceof CallOutcome.Success ok && Arrays.equals(ok.output(), ref)) {
                        agree++;
                        gas += ok.gasUsed();
                    }
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            int evaluated = test.size() - outOfRange;
            o.printf(Locale.ROOT, "%s: %d samples%s%n", all ? "all samples" : "held-out split (seed " + split.splitSeed + ", fraction "
                    + split.testFraction + ")", test.size(), outOfRange > 0 ? ", " + outOfRange + " outside the model's input range skipped" : "");
            o.printf(Locale.ROOT, "quantized accuracy: %.2f%% (%d of %d)%n", evaluated == 0 ? 0.0 : 100.0 * correct / evaluated, correct, evaluated);
            for (int k = 0; k < perClassTotal.length; k++) {
                if (perClassTotal[k] > 0) {
                    o.printf(Locale.ROOT, "  class %d: %d of %d%n", k, perClassCorrect[k], perClassTotal[k]);
                }
            }
            o.printf(Locale.ROOT, "wasm contract: same output as the reference on %d of %d samples, %d gas per inference on average%n",
                    agree, evaluated, agree == 0 ? 0 : gas / agree);
            o.flush();
            if (agree != evaluated) {
                spec.commandLine().getErr().println("error: the Wasm contract disagrees with the reference executor on "
                        + (evaluated - agree) + " samples");
                return 1;
            }
            return 0;
        }
    }

    static byte[] toBytes(int[] x) {
        byte[] b = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = (byte) x[i];
        }
        return b;
    }
}
