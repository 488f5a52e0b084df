package io.zklayer.genesis;

import io.zklayer.pallets.models.ModelCircuitSpec;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.models.ModelPricing;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.sdk.DigitsModel;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The verified-inference setup of the presets: the sdk's shipped digits model registered at genesis as
 * model 0 (owner {@code //Alice}, its Poseidon weight commitment and the verifying key of the sdk's dev
 * setup, price 1 ZKL, 10 compute units per inference) in both {@code dev} and {@code local}; on
 * {@code dev} also {@code //Alice}'s node in its pool from epoch 0 (1,000 compute units per epoch, a bond
 * of 1,000 ZKL). The dev node's pool worker proves for {@code //Alice}, so {@code zklayer --dev} serves
 * digits workloads out of the box; on {@code local} the pool starts empty and a node joins it.
 *
 * <p>The verifying key comes from a dev setup whose secrets derive from a public seed: anyone can forge
 * proofs for it. Dev chains only.
 */
public final class DevModels {
    /** The digits model's id on the {@code dev} and {@code local} chains. */
    public static final long DIGITS_ID = 0;
    /** The digits model's price per inference: 1 ZKL. */
    public static final BigInteger DIGITS_PRICE = RuntimeParameters.UNIT;
    /** Compute units per digits inference. */
    public static final long DIGITS_COMPUTE_UNITS = 10;
    /** The compute units //Alice's node offers per epoch. */
    public static final long NODE_COMPUTE_UNITS_PER_EPOCH = 1000;
    /**
     * //Alice's node bond: 1,000 ZKL, ten times the pools' minimum, so that a missed deadline (10% slashed)
     * does not drop the dev chain's only node below the minimum and out of the pool.
     */
    public static final BigInteger NODE_BOND = RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1000));

    private DevModels() {}

    /** Returns the genesis registration of the digits model, owned by {@code owner}. */
    public static ModelsGenesis.Model digits(AccountId32 owner) {
        QuantizedModel m = DigitsModel.model();
        ModelsCall.RegisterModel r = new ModelsCall.RegisterModel("digits",
                "Handwritten digits (UCI, 8x8 pixels 0..16) -> class 0..9; MLP 64-32-10 quantized to int8; dev-setup keys",
                new ModelIo(m.input(), m.output(), m.finalSize()),
                new ModelCircuitSpec(DigitsModel.weightCommitment(), EncodedVerifyingKey.of(DigitsModel.verifyingKey())),
                Optional.empty(), new ModelPricing(DIGITS_PRICE, DIGITS_COMPUTE_UNITS));
        return new ModelsGenesis.Model(owner, r);
    }

    /** Returns {@code node}'s genesis pool registration for the digits model. */
    public static PoolsGenesis.GenesisNode digitsNode(AccountId32 node) {
        return new PoolsGenesis.GenesisNode(node, List.of(DIGITS_ID), NODE_COMPUTE_UNITS_PER_EPOCH, NODE_BOND);
    }
}
