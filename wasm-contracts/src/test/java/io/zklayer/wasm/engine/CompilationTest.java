package io.zklayer.wasm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.zklayer.wasm.binary.Op;
import io.zklayer.wasm.binary.WasmBuffer;
import org.junit.jupiter.api.Test;

class CompilationTest {
    @Test
    void functionTooLargeForTheJvmIsInvalidInsteadOfSilentlyInterpreted() {
        // (func (export "call") (result i32) (local i32) 30000 × (local.set 0 (i32.add (local.get 0) (i32.const 7))) …)
        WasmBuffer body = new WasmBuffer().u32(1).u32(1).u8(Op.I32);
        for (int i = 0; i < 30_000; i++) {
            body.u8(Op.LOCAL_GET).u32(0).u8(Op.I32_CONST).s32(7).u8(Op.I32_ADD).u8(Op.LOCAL_SET).u32(0);
        }
        body.u8(Op.LOCAL_GET).u32(0).u8(Op.END);
        WasmBuffer module = new WasmBuffer().raw(new byte[] {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0})
                .section(1, new WasmBuffer().u32(1).u8(0x60).u32(0).u32(1).u8(Op.I32))
                .section(3, new WasmBuffer().u32(1).u32(0))
                .section(7, new WasmBuffer().u32(1).name("call").u8(0).u32(0))
                .section(10, new WasmBuffer().u32(1).sized(body));
        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
            LoadResult loaded = engine.load(module.toByteArray());
            assertThat(loaded).isInstanceOf(CallOutcome.InvalidModule.class);
            assertThat(((CallOutcome.InvalidModule) loaded).reason()).startsWith("module cannot be compiled:")
                    .contains("Java method size");
        }
    }

    @Test
    void dataSegmentOutsideMemoryTrapsAtInstantiation() {
        String wat = "(module (memory 1) (data (i32.const 65530) \"0123456789\")"
                + " (func (export \"call\") (result i32) (i32.const 0)))";
        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
            CallOutcome out = engine.call(Wat2Wasm.parse(wat), new byte[0], 100);
            assertThat(out).isInstanceOf(CallOutcome.Trap.class);
            assertThat(((CallOutcome.Trap) out).reason()).startsWith("instantiation failed: out of bounds memory access");
            assertThat(((CallOutcome.Trap) out).gasUsed()).isZero();
        }
    }

    @Test
    void contractsRunOnlyInTheEngineKindTheyWereLoadedFor() {
        byte[] wasm = Wat2Wasm.parse("(module (func (export \"call\") (result i32) (i32.const 0)))");
        try (ContractEngine compiler = new ContractEngine(EngineConfig.defaults());
                ContractEngine interpreter = new ContractEngine(EngineConfig.defaults().withKind(EngineKind.INTERPRETER))) {
            Contract c = (Contract) interpreter.load(wasm);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> compiler.call(c, new byte[0], 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INTERPRETER");
        }
    }

    @Test
    void oversizedInputIsRefusedBeforeRunning() {
        byte[] wasm = Wat2Wasm.parse("(module (func (export \"call\") (result i32) (i32.const 0)))");
        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
            CallOutcome out = engine.call(wasm, new byte[(64 << 10) + 1], 10);
            assertThat(out).isEqualTo(new CallOutcome.Trap("input of 65537 bytes exceeds the limit of 65536 bytes", 0));
        }
    }
}
