package io.zklayer.wasm.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.Contract;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.engine.EngineKind;
import io.zklayer.wasm.engine.HostApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelWasmCompilerTest {
    static final long GAS = 50_000_000;
    static ContractEngine compiler;
    static ContractEngine interpreter;

    @BeforeAll
    static void start() {
        compiler = new ContractEngine(EngineConfig.defaults());
        interpreter = new ContractEngine(EngineConfig.defaults().withKind(EngineKind.INTERPRETER));
    }

    @AfterAll
    static void stop() {
        compiler.close();
        interpreter.close();
    }

    static Contract load(ContractEngine engine, QuantizedModel model) {
        var loaded = engine.load(ModelWasmCompiler.compile(model).wasm());
        assertThat(loaded).as("compiled model passes contract validation").isInstanceOf(Contract.class);
        return (Contract) loaded;
    }

    @Test
    void randomModelsMatchTheReferenceExecutorInBothEnginesWithIdenticalGas() {
        for (long seed = 0; seed < 30; seed++) {
            ModelTestData data = new ModelTestData(seed);
            QuantizedModel model = data.model();
            Contract compiled = load(compiler, model);
            Contract interpreted = load(interpreter, model);
            for (int k = 0; k < 8; k++) {
                byte[] input = data.input(model.input());
                byte[] expected = ReferenceExecutor.infer(model, input);
                CallOutcome out = compiler.call(compiled, input, GAS);
                assertThat(out).as("seed %d input %d", seed, k).isInstanceOf(CallOutcome.Success.class);
                assertThat(((CallOutcome.Success) out).output()).as("seed %d input %d", seed, k).isEqualTo(expected);
                assertThat(compiler.call(compiled, input, GAS)).isEqualTo(out);
                if (k < 2) {
                    assertThat(interpreter.call(interpreted, input, GAS)).isEqualTo(out);
                }
            }
        }
    }

    @Test
    void everyDigitsSampleMatchesTheReferenceWithIdenticalGas() {
        QuantizedModel model = new ModelTestData(7).digitsShaped();
        Contract compiled = load(compiler, model);
        Contract interpreted = load(interpreter, model);
        List<byte[]> samples = DigitsData.samples();
        assertThat(samples).hasSize(1797);
        long gas = -1;
        for (int s = 0; s < samples.size(); s++) {
            byte[] x = samples.get(s);
            CallOutcome out = compiler.call(compiled, x, GAS);
            assertThat(out).as("sample %d", s).isInstanceOf(CallOutcome.Success.class);
            var success = (CallOutcome.Success) out;
            assertThat(success.output()).as("sample %d", s).isEqualTo(ReferenceExecutor.infer(model, x));
            if (gas < 0) {
                gas = success.gasUsed();
            }
            // the compiled model has no data-dependent branches except argmax updates
            assertThat(success.gasUsed()).isBetween(gas - 100, gas + 100);
            if (s < 20) {
                assertThat(compiler.call(compiled, x, GAS)).isEqualTo(out);
                assertThat(interpreter.call(interpreted, x, GAS)).isEqualTo(out);
            }
        }
    }

    @Test
    void wrongLengthAndOutOfRangeInputsReturnTheirStatus() {
        QuantizedModel model = new ModelTestData(3).digitsShaped();
        Contract c = load(compiler, model);
        CallOutcome shortInput = compiler.call(c, new byte[63], GAS);
        assertThat(((CallOutcome.Trap) shortInput).reason()).isEqualTo("entry 'call' returned failure status 1");
        byte[] bad = new byte[64];
        bad[10] = 17;
        CallOutcome outOfRange = compiler.call(c, bad, GAS);
        assertThat(((CallOutcome.Trap) outOfRange).reason()).isEqualTo("entry 'call' returned failure status 2");
        bad[10] = -1;
        assertThat(((CallOutcome.Trap) compiler.call(c, bad, GAS)).reason()).endsWith("status 2");
    }

    @Test
    void tooLittleGasStopsInference() {
        QuantizedModel model = new ModelTestData(4).digitsShaped();
        Contract c = load(compiler, model);
        byte[] x = DigitsData.samples().get(0);
        long used = ((CallOutcome.Success) compiler.call(c, x, GAS)).gasUsed();
        assertThat(compiler.call(c, x, used - 1)).isEqualTo(new CallOutcome.OutOfGas(used - 1));
        assertThat(compiler.call(c, x, used)).isInstanceOf(CallOutcome.Success.class);
    }

    @Test
    void inferExportFollowsTheDocumentedMemoryLayout() {
        ModelTestData data = new ModelTestData(11);
        QuantizedModel model = data.digitsShaped();
        ModelWasm compiled = ModelWasmCompiler.compile(model);
        HostFunction unused = new HostFunction(HostApi.MODULE, HostApi.INPUT_SIZE,
                HostApi.SIGNATURES.get(HostApi.INPUT_SIZE), (inst, args) -> new long[] {0});
        Instance inst = Instance.builder(Parser.parse(compiled.wasm()))
                .withImportValues(ImportValues.builder().addFunction(unused,
                        new HostFunction(HostApi.MODULE, HostApi.INPUT_READ, HostApi.SIGNATURES.get(HostApi.INPUT_READ),
                                (i, a) -> null),
                        new HostFunction(HostApi.MODULE, HostApi.OUTPUT_WRITE,
                                HostApi.SIGNATURES.get(HostApi.OUTPUT_WRITE), (i, a) -> null)).build())
                .build();
        byte[] x = data.input(model.input());
        int inPtr = 40_000;
        int outPtr = 50_000;
        inst.memory().write(inPtr, x);
        long[] status = inst.export("infer").apply((long) inPtr, (long) x.length, (long) outPtr);
        assertThat(status).containsExactly(0L);
        assertThat(inst.memory().readBytes(outPtr, compiled.outputLength()))
                .isEqualTo(ReferenceExecutor.infer(model, x));
        assertThat(inst.export("infer").apply((long) inPtr, 3L, (long) outPtr)).containsExactly(1L);
        assertThat(compiled.inputPtr()).isEqualTo(16);
        assertThat(compiled.paramsPtr()).isGreaterThan(compiled.activationPtr());
        assertThat(compiled.memoryPages()).isEqualTo(1);
    }
}
