package io.zklayer.pallets.models;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.verifier.VerifierStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelsGenesisTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private final Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());

    private RuntimeGenesisConfig config(ModelsGenesis models) {
        return new RuntimeGenesisConfig(Map.of(ALICE, UNIT), Optional.empty(), List.of(ALICE)).withModels(models);
    }

    @Test
    void genesisModelsAreRegisteredInOrderWithTheirKeysAndNoFee() {
        ModelsCall.RegisterModel digits = DigitsFixture.registration("digits", TestKeys.random(3, 5), UNIT);
        ModelsCall.RegisterModel other = DigitsFixture.registration("digits-small", TestKeys.random(3, 6), BigInteger.ONE);
        MemoryNodeStore store = new MemoryNodeStore();
        RuntimeGenesisConfig.Built built = config(new ModelsGenesis(List.of(new ModelsGenesis.Model(ALICE, digits),
                new ModelsGenesis.Model(ALICE, other)))).build(runtime, store);
        store.apply(built.state().changes());
        TrieState state = new TrieState(Trie.open(new Executive(runtime, io.zklayer.runtime.BlockLimits.defaults()).layout(),
                store, built.state().root()));

        ModelInfo first = ModelsStorage.MODELS.get(state, 0L);
        assertThat(first.name()).isEqualTo("digits");
        assertThat(first.registeredAt()).isZero();
        assertThat(first.keyId()).isEqualTo(digits.circuit().verifyingKey().keyId());
        assertThat(ModelsStorage.MODELS.get(state, 1L).name()).isEqualTo("digits-small");
        assertThat(ModelsStorage.NEXT_MODEL_ID.get(state)).isEqualTo(2);
        assertThat(ModelsStorage.MODEL_CODE.contains(state, 0L)).isTrue();
        assertThat(VerifierStorage.KEYS.get(state, first.keyId()).consumers()).isEqualTo(1);
        assertThat(io.zklayer.pallets.system.SystemStorage.ACCOUNT.get(state, ALICE).data().free()).isEqualTo(UNIT);
    }

    @Test
    void aGenesisModelBreakingARuleNamesTheModelAndTheRule() {
        ModelsCall.RegisterModel bad = DigitsFixture.registration("Digits", TestKeys.random(3, 5), UNIT);
        assertThatThrownBy(() -> config(new ModelsGenesis(List.of(new ModelsGenesis.Model(ALICE, bad)))).build(runtime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("genesis: model 'Digits' is refused: Models.InvalidName");
    }
}
