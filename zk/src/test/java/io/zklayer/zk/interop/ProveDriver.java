package io.zklayer.zk.interop;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.pairing.Pairing;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.ZkeyFile;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.R1csFile;
import io.zklayer.zk.r1cs.WtnsFile;
import io.zklayer.zk.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line driver for the snarkjs interop test ({@code testnet/interop/snarkjs.test.mjs}):
 * {@code prove <circuit.r1cs> <circuit.zkey> <witness.wtns> <outDir> <seed>} checks the witness against
 * the r1cs, proves with blinding drawn from the seed, and writes {@code proof.json} and
 * {@code public.json} in snarkjs's shapes for {@code snarkjs groth16 verify}.
 * {@code setup <circuit.r1cs> <ptau|-> <witness.wtns> <outDir> <seed>} makes a key with our own setup
 * (from the ptau plus two seeded phase-2 contributions, or with "-" the insecure test setup from seeded
 * secrets), proves the witness with it, and also writes {@code verification_key.json}.
 */
public final class ProveDriver {
    private ProveDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !(args[0].equals("prove") || args[0].equals("setup"))) {
            System.err.println("usage: prove <r1cs> <zkey> <wtns> <outDir> <seed> | setup <r1cs> <ptau|-> <wtns> <outDir> <seed>");
            System.exit(2);
        }
        ConstraintSystem cs = R1csFile.read(Files.readAllBytes(Path.of(args[1]))).system();
        TestData random = new TestData(Long.parseLong(args[5]));
        ProvingKey pk;
        if (args[0].equals("prove")) {
            pk = ZkeyFile.read(Files.readAllBytes(Path.of(args[2])));
        } else if (args[2].equals("-")) {
            pk = Groth16Setup.insecureSetupForTests(cs,
                    new Groth16Setup.ToxicWaste(random.fr(), random.fr(), random.fr(), random.fr(), random.fr()));
        } else {
            pk = Groth16Setup.fromPtau(cs, Files.readAllBytes(Path.of(args[2])));
            pk = Groth16Setup.contribute(pk, random.fr());
            pk = Groth16Setup.contribute(pk, random.fr());
        }
        Fr[] witness = WtnsFile.read(Files.readAllBytes(Path.of(args[3])));
        if (!cs.isSatisfiedBy(witness)) {
            System.err.println("witness does not satisfy the r1cs: constraint " + cs.firstViolation(witness).orElseThrow());
            System.exit(1);
        }
        Proof proof = Groth16Prover.prove(pk, witness, random.fr(), random.fr());
        List<Fr> pub = cs.publicSignals(witness);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("proof.json"), SnarkjsJson.writeProof(proof));
        Files.writeString(out.resolve("public.json"), SnarkjsJson.writePublicSignals(pub));
        if (args[0].equals("setup")) {
            Files.writeString(out.resolve("verification_key.json"),
                    SnarkjsJson.writeVerifyingKey(pk.verifyingKey(), Pairing.pair(pk.alpha1(), pk.beta2())));
        }
        System.out.println("wrote " + out.resolve("proof.json") + " (" + pub.size() + " public signals)");
    }
}
