package io.zklayer.zk.interop;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
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
 */
public final class ProveDriver {
    private ProveDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !args[0].equals("prove")) {
            System.err.println("usage: prove <r1cs> <zkey> <wtns> <outDir> <seed>");
            System.exit(2);
        }
        ConstraintSystem cs = R1csFile.read(Files.readAllBytes(Path.of(args[1]))).system();
        ProvingKey pk = ZkeyFile.read(Files.readAllBytes(Path.of(args[2])));
        Fr[] witness = WtnsFile.read(Files.readAllBytes(Path.of(args[3])));
        if (!cs.isSatisfiedBy(witness)) {
            System.err.println("witness does not satisfy the r1cs: constraint " + cs.firstViolation(witness).orElseThrow());
            System.exit(1);
        }
        TestData random = new TestData(Long.parseLong(args[5]));
        Proof proof = Groth16Prover.prove(pk, witness, random.fr(), random.fr());
        List<Fr> pub = cs.publicSignals(witness);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("proof.json"), SnarkjsJson.writeProof(proof));
        Files.writeString(out.resolve("public.json"), SnarkjsJson.writePublicSignals(pub));
        System.out.println("wrote " + out.resolve("proof.json") + " (" + pub.size() + " public signals)");
    }
}
