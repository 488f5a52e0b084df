package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Properties of arbitrary genesis configurations: JSON round trip and human ≡ raw. */
class GenesisConfigPropertiesTest {
    private GenesisBuilder builder;

    @BeforeProperty
    void setUp() {
        builder = GenesisBuilder.zklayer();
    }

    @Provide
    Arbitrary<ChainSpec> specs() {
        Arbitrary<AccountId32> accounts = Arbitraries.bytes().array(byte[].class).ofSize(32).map(AccountId32::of);
        // From the existential deposit (10^9) to 2^100: both JSON number and string forms occur.
        Arbitrary<BigInteger> amounts = Arbitraries.bigIntegers()
                .between(BigInteger.valueOf(1_000_000_000L), BigInteger.ONE.shiftLeft(100));
        Arbitrary<List<AccountId32>> distinct = accounts.set().ofMinSize(1).ofMaxSize(12).map(ArrayList::new);
        return Combinators.combine(distinct, amounts.list().ofSize(12), Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 16383)).as((who, amt, nValidators, sudo, ss58) -> {
                    List<GenesisConfig.Endowment> balances = new ArrayList<>();
                    for (int i = 0; i < who.size(); i++) {
                        balances.add(new GenesisConfig.Endowment(who.get(i), amt.get(i)));
                    }
                    Set<AccountId32> validators = new LinkedHashSet<>(who.subList(0, Math.min(nValidators, who.size())));
                    GenesisConfig g = new GenesisConfig(balances, sudo ? Optional.of(who.get(0)) : Optional.empty(),
                            List.copyOf(validators));
                    ChainSpec dev = ChainSpecs.dev();
                    return new ChainSpec("Random", "random_" + ss58, ChainType.LIVE, List.of(), List.of(),
                            Optional.empty(), Optional.empty(), new ChainProperties(ss58, 12, "RND"), dev.consensus(),
                            List.of(), g);
                });
    }

    @Property(tries = 40, seed = "20261121")
    void humanSpecSurvivesJsonAndItsRawFormBuildsTheSameHash(@ForAll("specs") ChainSpec spec) {
        assertThat(ChainSpecJson.read(ChainSpecJson.write(spec, false))).isEqualTo(spec);
        ChainSpec raw = ChainSpecJson.read(ChainSpecJson.write(spec, true));
        assertThat(raw.isRaw()).isTrue();
        assertThat(builder.build(raw).hash()).isEqualTo(builder.build(spec).hash());
        assertThat(builder.build(raw).stateRoot())
                .isEqualTo(builder.build(spec).stateRoot());
    }
}
