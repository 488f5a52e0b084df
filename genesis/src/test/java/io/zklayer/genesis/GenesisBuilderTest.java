package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesStorage;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesisBuilderTest {
    /**
     * The dev preset's genesis hash. It changes only when the genesis rules change: the preset's
     * accounts or amounts, what a pallet writes at genesis, a storage key or value encoding, the
     * trie layout or the header format. If this test fails after such a deliberate change, record
     * the new hash here and say so in the commit; otherwise the change broke genesis compatibility.
     */
    static final String DEV_GENESIS_HASH = "0x24fb3dc08ddcebb28d99c0259cc0bdcc7d2da54f48c8260af6ba80a83fdb66a6";

    private final GenesisBuilder builder = GenesisBuilder.zklayer();

    private static AccountId32 acc(DevAccounts a) {
        return AccountId32.of(a.publicKey().bytes());
    }

    @Test
    void devGenesisHashIsStable() {
        H256 hash = builder.build(ChainSpecs.dev()).hash();
        assertThat(hash.toHex())
                .as("the dev preset's genesis hash changed; it changes only when genesis rules change "
                        + "(preset accounts/amounts, pallet genesis writes, storage encodings, trie layout, header "
                        + "format). If that change was deliberate, record the new hash in DEV_GENESIS_HASH")
                .isEqualTo(DEV_GENESIS_HASH);
    }

    @Test
    void genesisHeaderIsBlockZeroWithEmptyBodyAndDigest() {
        GenesisBlock block = builder.build(ChainSpecs.dev());
        assertThat(block.header().number()).isZero();
        assertThat(block.header().parentHash()).isEqualTo(H256.ZERO);
        assertThat(block.header().extrinsicsRoot().toHex())
                .isEqualTo("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");
        assertThat(block.header().digest().logs()).isEmpty();
        assertThat(block.header().stateRoot()).isEqualTo(block.stateRoot());
        assertThat(block.layout()).isEqualTo(TrieLayout.V1);
        assertThat(ZklayerRuntime.VERSION.stateVersion()).isEqualTo(1);
    }

    @Test
    void devGenesisStateHoldsEveryEndowedAccountTheValidatorsTheSudoKeyAndTheIssuance() {
        GenesisBlock block = builder.build(ChainSpecs.dev());
        TrieState state = block.stateIn(new MemoryNodeStore());
        List<AccountId32> endowed = ChainSpecs.endowedDevAccounts();
        for (AccountId32 who : endowed) {
            byte[] raw = state.get(SystemStorage.ACCOUNT.key(who)).orElseThrow();
            AccountInfo info = AccountInfo.CODEC.decode(raw);
            // //Alice's node bonds DevModels.NODE_BOND for its place in the digits pool.
            BigInteger bond = who.equals(acc(DevAccounts.ALICE)) ? DevModels.NODE_BOND : BigInteger.ZERO;
            assertThat(info.data().free()).as("free of %s", who).isEqualTo(ChainSpecs.PRESET_ENDOWMENT.subtract(bond));
            assertThat(info.data().reserved()).isEqualTo(bond);
            assertThat(info.providers()).isEqualTo(1);
            assertThat(info.nonce()).isZero();
        }
        assertThat(SystemStorage.ACCOUNT.entries(state)).hasSize(endowed.size());
        assertThat(SessionPallet.VALIDATORS.get(state)).containsExactly(acc(DevAccounts.ALICE));
        assertThat(SessionPallet.EPOCH_LENGTH.get(state)).isEqualTo(10);
        assertThat(SessionPallet.CURRENT_EPOCH.get(state)).isZero();
        assertThat(SudoPallet.KEY.getOptional(state)).contains(acc(DevAccounts.ALICE));
        assertThat(BalancesStorage.TOTAL_ISSUANCE.get(state))
                .isEqualTo(ChainSpecs.PRESET_ENDOWMENT.multiply(BigInteger.valueOf(8)));
    }

    @Test
    void devGenesisRegistersTheDigitsModelWithAlicesNodeInItsPool() {
        TrieState state = builder.build(ChainSpecs.dev()).stateIn(new MemoryNodeStore());
        var digits = io.zklayer.pallets.models.ModelsStorage.MODELS.get(state, DevModels.DIGITS_ID);
        assertThat(digits.name()).isEqualTo("digits");
        assertThat(digits.owner()).isEqualTo(acc(DevAccounts.ALICE));
        assertThat(digits.weightCommitment()).isEqualTo(io.zklayer.sdk.DigitsModel.weightCommitment());
        assertThat(digits.pricePerInference()).isEqualTo(DevModels.DIGITS_PRICE);
        assertThat(io.zklayer.pallets.verifier.VerifierStorage.KEY_BYTES.get(state, digits.keyId()).toVerifyingKey())
                .isEqualTo(io.zklayer.sdk.DigitsModel.verifyingKey());
        assertThat(io.zklayer.pallets.pools.PoolsStorage.MODEL_POOL.get(state, DevModels.DIGITS_ID)).containsExactly(acc(DevAccounts.ALICE));
        assertThat(io.zklayer.pallets.pools.PoolsStorage.CAPACITY.get(state, acc(DevAccounts.ALICE)).total())
                .isEqualTo(DevModels.NODE_COMPUTE_UNITS_PER_EPOCH);
    }

    @Test
    void localGenesisStateHoldsTheFourValidators() {
        TrieState state = builder.build(ChainSpecs.local()).stateIn(new MemoryNodeStore());
        assertThat(SessionPallet.VALIDATORS.get(state)).containsExactly(acc(DevAccounts.ALICE), acc(DevAccounts.BOB),
                acc(DevAccounts.CHARLIE), acc(DevAccounts.DAVE));
    }

    @Test
    void localGenesisRegistersTheDigitsModelWithAnEmptyPoolAndBondsNothing() {
        TrieState state = builder.build(ChainSpecs.local()).stateIn(new MemoryNodeStore());
        var digits = io.zklayer.pallets.models.ModelsStorage.MODELS.get(state, DevModels.DIGITS_ID);
        assertThat(digits.name()).isEqualTo("digits");
        assertThat(digits.owner()).isEqualTo(acc(DevAccounts.ALICE));
        assertThat(digits.weightCommitment()).isEqualTo(io.zklayer.sdk.DigitsModel.weightCommitment());
        assertThat(io.zklayer.pallets.verifier.VerifierStorage.KEY_BYTES.get(state, digits.keyId()).toVerifyingKey())
                .isEqualTo(io.zklayer.sdk.DigitsModel.verifyingKey());
        assertThat(io.zklayer.pallets.models.ModelsStorage.NEXT_MODEL_ID.get(state)).isEqualTo(1);
        assertThat(io.zklayer.pallets.pools.PoolsStorage.MODEL_POOL.contains(state, DevModels.DIGITS_ID))
                .as("no node serves digits until one joins").isFalse();
        assertThat(io.zklayer.pallets.pools.PoolsStorage.NODES.entries(state)).isEmpty();
        for (AccountId32 who : ChainSpecs.endowedDevAccounts()) {
            AccountInfo info = AccountInfo.CODEC.decode(state.get(SystemStorage.ACCOUNT.key(who)).orElseThrow());
            assertThat(info.data().free()).as("free of %s", who).isEqualTo(ChainSpecs.PRESET_ENDOWMENT);
            assertThat(info.data().reserved()).isZero();
        }
    }

    @Test
    void humanAndRawFormsBuildTheSameGenesisHash() {
        for (String name : ChainSpecs.PRESETS) {
            ChainSpec human = ChainSpecs.preset(name);
            ChainSpec raw = human.toRaw();
            assertThat(raw.isRaw()).isTrue();
            assertThat(raw.withGenesis(human.genesis())).isEqualTo(human);
            GenesisBlock fromHuman = builder.build(human);
            GenesisBlock fromRaw = builder.build(raw);
            assertThat(fromRaw.hash()).as(name).isEqualTo(fromHuman.hash());
            assertThat(fromRaw.header()).isEqualTo(fromHuman.header());
        }
    }

    @Test
    void rawFormListsEveryEntryOfTheGenesisState() {
        RawGenesis raw = (RawGenesis) ChainSpecs.dev().toRaw().genesis();
        // 8 accounts, TotalIssuance, Sudo.Key, Session.Validators, EpochLength, CurrentEpoch, EpochRandomness, and for the
        // digits model and //Alice's node: Balances.Reserves; Models.NextModelId, Models, Names, Versions; Verifier.Keys, KeyBytes;
        // Pools.Nodes, NodeCount, Capacity, ModelPool.
        assertThat(raw.size()).isEqualTo(25);
        assertThat(raw.get(SudoPallet.KEY.key())).hasValueSatisfying(v ->
                assertThat(v).isEqualTo(acc(DevAccounts.ALICE).bytes()));
        assertThat(raw.get(BalancesStorage.TOTAL_ISSUANCE.key())).isPresent();
    }

    @Test
    void rawSpecWithATamperedValueBuildsADifferentHash() {
        ChainSpec raw = ChainSpecs.dev().toRaw();
        RawGenesis genesis = (RawGenesis) raw.genesis();
        byte[] key = SystemStorage.ACCOUNT.key(acc(DevAccounts.BOB));
        byte[] value = genesis.get(key).orElseThrow();
        value[16] ^= 1; // lowest bit of Bob's free balance (after nonce and three u32 counts)
        ChainSpec tampered = raw.withGenesis(genesis.with(key, value));
        assertThat(builder.build(tampered).hash()).isNotEqualTo(builder.build(raw).hash());
        ChainSpec extraKey = raw.withGenesis(genesis.with(new byte[] {1, 2, 3}, new byte[] {4}));
        assertThat(builder.build(extraKey).hash()).isNotEqualTo(builder.build(raw).hash());
    }

    @Test
    void toRawOfARawSpecIsTheSpecItself() {
        ChainSpec raw = ChainSpecs.dev().toRaw();
        assertThat(raw.toRaw()).isSameAs(raw);
    }

    @Test
    void endowmentBelowTheExistentialDepositIsRejectedWithItsPath() {
        GenesisConfig g = new GenesisConfig(List.of(
                new GenesisConfig.Endowment(acc(DevAccounts.ALICE), ChainSpecs.PRESET_ENDOWMENT),
                new GenesisConfig.Endowment(acc(DevAccounts.BOB), BigInteger.valueOf(999_999_999))),
                Optional.empty(), List.of(acc(DevAccounts.ALICE)));
        ChainSpec spec = ChainSpecs.dev().withGenesis(g);
        assertThatThrownBy(() -> builder.build(spec))
                .isInstanceOf(ChainSpecException.class)
                .hasMessage("genesis.runtimeGenesis.config.balances.balances[1][1]: amount 999999999 is below the "
                        + "existential deposit 1000000000");
        assertThatThrownBy(spec::toRaw).isInstanceOf(ChainSpecException.class);
    }

    @Test
    void slotShorterThanTheRuntimeMinimumPeriodIsRejected() {
        ChainSpec dev = ChainSpecs.dev();
        ChainSpec fast = new ChainSpec(dev.name(), dev.id(), dev.chainType(), dev.bootNodes(), dev.telemetryEndpoints(),
                dev.protocolId(), dev.forkId(), dev.properties(), Optional.of(new ConsensusConfig(500)),
                dev.badBlocks(), dev.genesis());
        assertThatThrownBy(() -> builder.build(fast))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("consensus.slotDurationMillis: 500 ms is shorter than the runtime's minimum "
                        + "block period of 1000 ms");
    }

    @Test
    void chainWithoutSudoKeyHasNoSudoEntry() {
        GenesisConfig g = new GenesisConfig(List.of(), Optional.empty(), List.of(acc(DevAccounts.BOB)));
        TrieState state = builder.build(g).stateIn(new MemoryNodeStore());
        assertThat(SudoPallet.KEY.exists(state)).isFalse();
        assertThat(BalancesStorage.TOTAL_ISSUANCE.exists(state)).isFalse();
        assertThat(SessionPallet.VALIDATORS.get(state)).containsExactly(acc(DevAccounts.BOB));
    }

    @Test
    void genesisNodesAreEnoughToReadTheWholeState() {
        GenesisBlock block = builder.build(ChainSpecs.local());
        MemoryNodeStore store = new MemoryNodeStore();
        TrieState state = block.stateIn(store);
        RawGenesis raw = (RawGenesis) ChainSpecs.local().toRaw().genesis();
        for (Map.Entry<byte[], byte[]> e : raw.entries()) {
            assertThat(state.get(e.getKey())).hasValueSatisfying(v -> assertThat(v).isEqualTo(e.getValue()));
        }
        assertThat(store.size()).isGreaterThan(1);
    }
}
