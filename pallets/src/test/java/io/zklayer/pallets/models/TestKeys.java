package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.VerifyingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Verifying keys made of valid random points (multiples of the generators, seeded): well-formed keys of
 * any public signal count for registry tests that need no proof. No circuit belongs to them.
 */
final class TestKeys {
    private TestKeys() {}

    static EncodedVerifyingKey random(int publicCount, long seed) {
        Random rng = new Random(seed);
        List<G1Point> ic = new ArrayList<>();
        for (int i = 0; i <= publicCount; i++) {
            ic.add(G1Point.GENERATOR.mul(Fr.random(rng)));
        }
        return EncodedVerifyingKey.of(new VerifyingKey(G1Point.GENERATOR.mul(Fr.random(rng)),
                G2Point.GENERATOR.mul(Fr.random(rng)), G2Point.GENERATOR.mul(Fr.random(rng)),
                G2Point.GENERATOR.mul(Fr.random(rng)), ic));
    }
}
