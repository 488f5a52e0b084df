package io.zklayer.node.cli;

import io.zklayer.pallets.models.ModelCircuitSpec;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.models.ModelPricing;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsEvent;
import io.zklayer.pallets.models.ModelsPallet;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer model register}: registers a packaged model with the chain (Models.register_model):
 * its name, description, input and output format, Poseidon weight commitment and circuit verifying
 * key from the artifact, the price per inference and compute units per inference from the options,
 * and, with {@code --public}, its Wasm contract (then every validator runs it on chain and no proof is
 * needed). The registration fee is charged to the signer. With {@code --wait} it prints the new model
 * id: {@code Registered digits v1 as model 0 (verifying key 0x7d0c…)}.
 */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Register a packaged model with the chain (Models.register_model): weight commitment and verifying key",
                "from the artifact, price and compute units from the options. The signer pays the registration fee."})
final class ModelRegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--artifact", required = true, paramLabel = "<dir>", description = "The artifact directory (from model package).")
    Path artifact;

    @Option(names = "--price", required = true, paramLabel = "<amount>",
            description = "Price per inference, in tokens (decimal), or planck with --planck; paid to the node that proves it.")
    String price;

    @Option(names = "--planck", description = "--price is a whole number of planck.")
    boolean planck;

    @Option(names = "--compute-units", required = true, paramLabel = "<n>",
            description = "Compute units one inference takes from a pool node's per-epoch capacity (at least 1).")
    long computeUnits;

    @Option(names = "--description", paramLabel = "<text>", defaultValue = "", description = "Free text shown by zklayer_model.")
    String description;

    @Option(names = "--public", description = "Also register the Wasm contract: workloads then run on chain, without nodes or proofs.")
    boolean publicCode;

    @Mixin
    TxCommands.SignerOptions signer = new TxCommands.SignerOptions();

    @Mixin
    TxCommands.NodeOptions node = new TxCommands.NodeOptions();

    private final CliEnvironment env;
    private final Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());

    ModelRegisterCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (computeUnits < 1) {
            throw new ParameterException(spec.commandLine(), "--compute-units must be at least 1, got " + computeUnits);
        }
        TokenAmount amount = TxCommands.checked(spec, () -> new TokenAmount(price, planck));
        if (!Files.isRegularFile(artifact.resolve(ArtifactManifest.FILE_NAME))) {
            throw new ParameterException(spec.commandLine(), "--artifact " + artifact + " is not an artifact directory (no manifest.json;"
                    + " make one with zklayer model package)");
        }
        ModelArtifact a = ModelArtifact.load(artifact);
        signer.check(spec);
        node.check(spec);
        Ed25519KeyPair key = signer.key(spec, env);
        try (TxSession session = node.open(spec, runtime)) {
            BigInteger planckPrice = WorkloadCommands.toPlanck(spec, session.chain(), amount, planck, "--price");
            ModelsCall.RegisterModel call = registration(a, description, planckPrice, computeUnits, publicCode);
            spec.commandLine().getOut().println("Register " + a.name() + ": weight commitment " + Hex.shortForm(a.weightCommitment().toBytesBE())
                    + ", verifying key " + call.circuit().verifyingKey().keyId() + ", price " + planckPrice + " planck, " + computeUnits
                    + " compute units" + (publicCode ? ", public Wasm code" : ""));
            Call c = PoolCommands.runtimeCall(ModelsPallet.INDEX, ModelsCall.CODEC.encode(call));
            byte[] extrinsic = session.sign(key, c, signer.nonce(spec), signer.tip(spec));
            if (!node.wait) {
                return session.send(extrinsic, false);
            }
            Optional<TxSession.Included> inc = session.sendAndFollow(extrinsic);
            if (inc.isEmpty() || !inc.get().outcome().succeeded()) {
                return 1;
            }
            for (EventRecord r : inc.get().events()) {
                RuntimeEvent e = r.event();
                if (e.palletIndex() == ModelsPallet.INDEX) {
                    byte[] enc = new byte[1 + e.fields().length];
                    enc[0] = (byte) e.eventIndex();
                    System.arraycopy(e.fields(), 0, enc, 1, e.fields().length);
                    if (ModelsEvent.CODEC.decode(enc) instanceof ModelsEvent.ModelRegistered reg) {
                        spec.commandLine().getOut().println("Registered " + reg.name() + " v" + reg.version() + " as model " + reg.modelId()
                                + " (verifying key " + reg.keyId() + ", fee " + reg.fee() + " planck)");
                        spec.commandLine().getOut().flush();
                    }
                }
            }
            return 0;
        }
    }

    /** Returns the {@code register_model} call for artifact {@code a}. */
    static ModelsCall.RegisterModel registration(ModelArtifact a, String description, BigInteger price, long computeUnits,
            boolean publicCode) {
        ModelIo io = new ModelIo(a.model().input(), a.model().output(), a.model().finalSize());
        return new ModelsCall.RegisterModel(a.name(), description, io,
                new ModelCircuitSpec(a.weightCommitment(), EncodedVerifyingKey.of(a.verifyingKey())),
                publicCode ? Optional.of(a.contract()) : Optional.empty(), new ModelPricing(price, computeUnits));
    }
}
