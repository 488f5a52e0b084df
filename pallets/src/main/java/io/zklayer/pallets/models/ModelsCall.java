package io.zklayer.pallets.models;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Optional;

/** The calls of the Models pallet, at fixed call indexes. */
public sealed interface ModelsCall {
    /**
     * Registers a model version, paying the registration fee to the treasury (index 0). A name's first registration is
     * version 1 and makes the signer the name's owner; the owner's later registrations of the same name are
     * versions 2, 3, … with new ids.
     */
    record RegisterModel(String name, String description, ModelIo io, ModelCircuitSpec circuit,
                         Optional<byte[]> wasmCode, ModelPricing pricing) implements ModelsCall {
        public RegisterModel {
            wasmCode = wasmCode.map(byte[]::clone);
        }

        @Override
        public Optional<byte[]> wasmCode() {
            return wasmCode.map(byte[]::clone);
        }
    }

    /** Deprecates a model; owner only (index 1). */
    record Deprecate(long modelId) implements ModelsCall {}

    /** Submits labelled cases with proofs of the model's outputs; updates the proven accuracy (index 2). */
    record SubmitBacktest(long modelId, List<BacktestCase> cases) implements ModelsCall {
        public SubmitBacktest {
            cases = List.copyOf(cases);
        }
    }

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<ModelsCall> CODEC = ScaleEnum.<ModelsCall>builder("ModelsCall")
            .variant(0, "register_model", RegisterModel.class, ScaleRecord.of("register_model",
                    ScaleRecord.field("name", ScaleCodecs.STRING, RegisterModel::name),
                    ScaleRecord.field("description", ScaleCodecs.STRING, RegisterModel::description),
                    ScaleRecord.field("io", ModelIo.CODEC, RegisterModel::io),
                    ScaleRecord.field("circuit", ModelCircuitSpec.CODEC, RegisterModel::circuit),
                    ScaleRecord.field("wasm_code", ScaleCodecs.option(ScaleCodecs.BYTES), RegisterModel::wasmCode),
                    ScaleRecord.field("pricing", ModelPricing.CODEC, RegisterModel::pricing), RegisterModel::new))
            .variant(1, "deprecate", Deprecate.class, ScaleRecord.of("deprecate",
                    ScaleRecord.field("model_id", ScaleCodecs.U32, Deprecate::modelId), Deprecate::new))
            .variant(2, "submit_backtest", SubmitBacktest.class, ScaleRecord.of("submit_backtest",
                    ScaleRecord.field("model_id", ScaleCodecs.U32, SubmitBacktest::modelId),
                    ScaleRecord.field("cases", ScaleCodecs.vec(BacktestCase.CODEC), SubmitBacktest::cases),
                    SubmitBacktest::new))
            .build();
}
