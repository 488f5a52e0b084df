package io.zklayer.bench.wasm;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.DigitsModel;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.Contract;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.model.ModelWasmCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One inference of the shipped digits model (64 → 32 → 10): the gas-metered Wasm contract run by
 * the compiler engine (fresh instance, call thread hand-off and gas metering included) against the
 * Java reference executor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DigitsInferenceBenchmark {
    private QuantizedModel model;
    private ContractEngine engine;
    private Contract contract;
    private byte[] input;

    /** Loads the shipped model, compiles its contract and picks the first digits sample. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = DigitsModel.class.getResourceAsStream("/models/digits.zkm")) {
            model = ModelCodec.decode(in.readAllBytes());
        }
        engine = new ContractEngine(EngineConfig.defaults());
        contract = (Contract) engine.load(ModelWasmCompiler.compile(model).wasm());
        int[] x = DigitsModel.dataset().features()[0];
        input = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            input[i] = (byte) x[i];
        }
        if (!(engine.call(contract, input, 10_000_000) instanceof CallOutcome.Success)) {
            throw new IllegalStateException("digits contract did not succeed");
        }
    }

    /** Stops the engine's call thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Compiled Wasm with gas and depth metering, through the engine. */
    @Benchmark
    public CallOutcome wasmCompiledWithGas() {
        return engine.call(contract, input, 10_000_000);
    }

    /** The Java reference executor. */
    @Benchmark
    public byte[] referenceExecutor() {
        return ReferenceExecutor.infer(model, input);
    }
}
