package io.zklayer.runtime;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.sudo.SudoCall;
import io.zklayer.pallets.sudo.SudoEvent;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.pallets.system.SystemCall;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.codec.Tuple2;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.MultiAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Success paths and origin checks of the calls the other runtime tests do not exercise. */
class RemainingCallsTest {
    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(10)))
            .build();

    private ApplyOutcome.Applied run(DevAccounts who, Call call) {
        ApplyOutcome out = chain.block(chain.signed(who, call)).get(0);
        assertThat(out).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out;
    }

    private Call sudo(Object innerCall, int pallet) {
        return chain.call(SudoPallet.INDEX, new SudoCall.Sudo(chain.runtime().decodeCall(chain.call(pallet, innerCall))));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void remarkCostsOnlyTheFee() {
        BigInteger bob = chain.free(DevAccounts.BOB);
        ApplyOutcome.Applied out = run(DevAccounts.BOB, chain.call(SystemPallet.INDEX, new SystemCall.Remark(utf8("hi"))));
        assertThat(out.error()).isEmpty();
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(out.fee()));
    }

    @Test
    void setAndKillStorageNeedRootAndWorkThroughSudo() {
        byte[] key = utf8(":test:key");
        Object set = new SystemCall.SetStorage(List.of(new Tuple2<>(key, utf8("value"))));
        assertThat(run(DevAccounts.BOB, chain.call(SystemPallet.INDEX, set)).error())
                .contains(new DispatchError.BadOrigin());
        assertThat(chain.bestState().get(key)).isEmpty();
        run(DevAccounts.ALICE, sudo(set, SystemPallet.INDEX));
        assertThat(chain.bestState().get(key)).contains(utf8("value"));
        run(DevAccounts.ALICE, sudo(new SystemCall.KillStorage(List.of(key)), SystemPallet.INDEX));
        assertThat(chain.bestState().get(key)).isEmpty();
    }

    @Test
    void forceTransferMovesFundsBetweenOtherAccountsOnlyForRoot() {
        Object force = new BalancesCall.ForceTransfer(MultiAddress.id(account(DevAccounts.BOB)),
                MultiAddress.id(account(DevAccounts.CHARLIE)), UNIT);
        assertThat(run(DevAccounts.BOB, chain.call(BalancesPallet.INDEX, force)).error())
                .contains(new DispatchError.BadOrigin());
        BigInteger bob = chain.free(DevAccounts.BOB);
        run(DevAccounts.ALICE, sudo(force, BalancesPallet.INDEX));
        assertThat(chain.free(DevAccounts.CHARLIE)).isEqualTo(UNIT);
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(UNIT));
    }

    @Test
    void sudoAsDispatchesSignedAsTheGivenAccountAndReportsTheInnerError() {
        Object transfer = new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.DAVE)), UNIT);
        RuntimeCall inner = chain.runtime().decodeCall(chain.call(BalancesPallet.INDEX, transfer));
        run(DevAccounts.ALICE, chain.call(SudoPallet.INDEX, new SudoCall.SudoAs(MultiAddress.id(account(DevAccounts.BOB)), inner)));
        assertThat(chain.free(DevAccounts.DAVE)).isEqualTo(UNIT);
        assertThat(chain.events(SudoEvent.CODEC, SudoPallet.INDEX)).containsExactly(new SudoEvent.SudoAsDone(Optional.empty()));

        RuntimeCall tooMuch = chain.runtime().decodeCall(chain.call(BalancesPallet.INDEX,
                new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.DAVE)), UNIT.multiply(BigInteger.valueOf(1000)))));
        run(DevAccounts.ALICE, chain.call(SudoPallet.INDEX, new SudoCall.SudoAs(MultiAddress.id(account(DevAccounts.BOB)), tooMuch)));
        assertThat(chain.events(SudoEvent.CODEC, SudoPallet.INDEX)).containsExactly(new SudoEvent.SudoAsDone(
                Optional.of(new DispatchError.Token(DispatchError.TokenError.FUNDS_UNAVAILABLE))));
    }

    @Test
    void sudoUncheckedWeightDispatchesAsRoot() {
        RuntimeCall inner = chain.runtime().decodeCall(chain.call(BalancesPallet.INDEX,
                new BalancesCall.ForceSetBalance(MultiAddress.id(account(DevAccounts.EVE)), UNIT)));
        run(DevAccounts.ALICE, chain.call(SudoPallet.INDEX, new SudoCall.SudoUncheckedWeight(inner, Weight.ofRefTime(1_000_000))));
        assertThat(chain.free(DevAccounts.EVE)).isEqualTo(UNIT);
    }

    @Test
    void setKeyHandsOverSudoAndRemoveKeyEndsIt() {
        run(DevAccounts.ALICE, chain.call(SudoPallet.INDEX, new SudoCall.SetKey(MultiAddress.id(account(DevAccounts.BOB)))));
        assertThat(chain.events(SudoEvent.CODEC, SudoPallet.INDEX)).containsExactly(
                new SudoEvent.KeyChanged(Optional.of(account(DevAccounts.ALICE)), account(DevAccounts.BOB)));
        assertThat(run(DevAccounts.ALICE, chain.call(SudoPallet.INDEX, new SudoCall.RemoveKey())).error())
                .get().extracting(DispatchError::describe).isEqualTo("Sudo.RequireSudo");
        run(DevAccounts.BOB, chain.call(SudoPallet.INDEX, new SudoCall.RemoveKey()));
        assertThat(SudoPallet.KEY.getOptional(chain.bestState())).isEmpty();
        assertThat(run(DevAccounts.BOB, chain.call(SudoPallet.INDEX, new SudoCall.RemoveKey())).error())
                .get().extracting(DispatchError::describe).isEqualTo("Sudo.RequireSudo");
    }
}
