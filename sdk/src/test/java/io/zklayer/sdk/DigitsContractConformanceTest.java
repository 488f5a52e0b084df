package io.zklayer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.Contract;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.engine.EngineKind;
import io.zklayer.wasm.model.ModelWasmCompiler;
import org.junit.jupiter.api.Test;

/**
 * The shipped digits model's Wasm contract equals the reference executor on every one of the
 * 1797 samples, with identical gas on two runs; the interpreter agrees on the first 100 samples.
 */
class DigitsContractConformanceTest {
    static final int INTERPRETED_SAMPLES = 100;

    @Test
    void contractOutputAndGasMatchTheReferenceOnEverySample() throws Exception {
        QuantizedModel model = ModelCodec.decode(DigitsModelTest.resource("/models/digits.zkm"));
        byte[] wasm = ModelWasmCompiler.compile(model).wasm();
        Dataset data = DigitsModel.dataset();
        int correct = 0;
        try (ContractEngine compiler = new ContractEngine(EngineConfig.defaults());
                ContractEngine interpreter = new ContractEngine(EngineConfig.defaults().withKind(EngineKind.INTERPRETER))) {
            Contract compiled = (Contract) compiler.load(wasm);
            Contract interpreted = (Contract) interpreter.load(wasm);
            for (int s = 0; s < data.size(); s++) {
                byte[] x = new byte[64];
                for (int i = 0; i < 64; i++) {
                    x[i] = (byte) data.features()[s][i];
                }
                CallOutcome out = compiler.call(compiled, x, 10_000_000);
                assertThat(out).as("sample %d", s).isInstanceOf(CallOutcome.Success.class);
                byte[] expected = ReferenceExecutor.infer(model, x);
                assertThat(((CallOutcome.Success) out).output()).as("sample %d", s).isEqualTo(expected);
                assertThat(compiler.call(compiled, x, 10_000_000)).as("sample %d second run", s).isEqualTo(out);
                if (s < INTERPRETED_SAMPLES) {
                    assertThat(interpreter.call(interpreted, x, 10_000_000)).as("sample %d interpreter", s).isEqualTo(out);
                }
                if (expected[0] == data.labels()[s]) {
                    correct++;
                }
            }
        }
        // over all 1797 samples (training and held-out), the contract classifies like the model
        assertThat(correct).isGreaterThan(1700);
    }
}
