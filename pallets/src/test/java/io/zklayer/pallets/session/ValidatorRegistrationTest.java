package io.zklayer.pallets.session;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.TestChain;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorRegistrationTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private static final AccountId32 BOB = account(DevAccounts.BOB);
    private static final AccountId32 DAVE = account(DevAccounts.DAVE);
    private static final BigInteger BOND = SessionParameters.defaults(UNIT).minValidatorBond();

    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(10_000)))
            .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(10_000)))
            .balance(DevAccounts.CHARLIE, UNIT.multiply(BigInteger.valueOf(10_000)))
            .epochLength(5)
            .build();

    /** Returns the registration of {@code key}'s public key by {@code controller}, with the key's proof. */
    private static SessionCall.RegisterValidator registration(DevAccounts controller, DevAccounts key, BigInteger bond) {
        byte[] proof = key.keyPair().sign(SessionPallet.keyProofMessage(account(controller))).bytes();
        return new SessionCall.RegisterValidator(account(key), bond, proof);
    }

    private ApplyOutcome.Applied run(DevAccounts who, SessionCall call) {
        return (ApplyOutcome.Applied) chain.block(chain.signed(who, chain.call(SessionPallet.INDEX, call))).get(0);
    }

    private List<AccountId32> validators() {
        return SessionPallet.VALIDATORS.get(chain.bestState());
    }

    private void advanceTo(long number) {
        while (chain.bestNumber() < number) {
            chain.block();
        }
    }

    private BigInteger reserved(AccountId32 who) {
        return chain.accountInfo(who).data().reserved();
    }

    @Test
    void aValidatorRegisteredInEpochZeroValidatesFromEpochOneAndLeavesAtTheChangeAfterItUnregisters() {
        BigInteger bob = chain.free(DevAccounts.BOB);
        ApplyOutcome.Applied reg = run(DevAccounts.BOB, registration(DevAccounts.BOB, DevAccounts.DAVE, BOND));

        assertThat(reg.error()).isEmpty();
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX))
                .containsExactly(new SessionEvent.ValidatorRegistered(BOB, DAVE, BOND, 1));
        assertThat(reserved(BOB)).isEqualTo(BOND);
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(BOND).subtract(reg.fee()));
        advanceTo(4);
        assertThat(validators()).containsExactly(ALICE);

        advanceTo(5); // the last block of epoch 0 fixes the set of epoch 1
        assertThat(validators()).containsExactly(ALICE, DAVE);
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX)).element(1)
                .isEqualTo(new SessionEvent.ValidatorSetChanged(1, List.of(ALICE, DAVE)));
        assertThat(SessionPallet.registration(chain.bestState(), BOB).orElseThrow().status())
                .isEqualTo(ValidatorRegistration.Status.ACTIVE);

        ApplyOutcome.Applied leave = run(DevAccounts.BOB, new SessionCall.Unregister()); // block 6, epoch 1
        assertThat(leave.error()).isEmpty();
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX))
                .containsExactly(new SessionEvent.ValidatorUnregistered(BOB, DAVE, 2));
        assertThat(run(DevAccounts.BOB, new SessionCall.Unregister()).error())
                .contains(SessionError.ALREADY_LEAVING.error());
        advanceTo(9);
        assertThat(validators()).containsExactly(ALICE, DAVE);
        assertThat(reserved(BOB)).isEqualTo(BOND);

        advanceTo(10);
        assertThat(validators()).containsExactly(ALICE);
        assertThat(reserved(BOB)).isZero();
        assertThat(SessionPallet.registration(chain.bestState(), BOB)).isEmpty();
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX)).element(1)
                .isEqualTo(new SessionEvent.ValidatorSetChanged(2, List.of(ALICE)));
        // The key is free again: Charlie may now register it.
        assertThat(run(DevAccounts.CHARLIE, registration(DevAccounts.CHARLIE, DevAccounts.DAVE, BOND)).error()).isEmpty();
    }

    @Test
    void aPendingRegistrationWithdrawnInItsEpochReturnsTheBondAtOnceAndNeverJoins() {
        run(DevAccounts.BOB, registration(DevAccounts.BOB, DevAccounts.DAVE, BOND));
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new SessionCall.Unregister());
        assertThat(out.error()).isEmpty();
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX))
                .containsExactly(new SessionEvent.ValidatorUnregistered(BOB, DAVE, 0));
        assertThat(reserved(BOB)).isZero();
        advanceTo(5);
        assertThat(validators()).containsExactly(ALICE);
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX)).hasSize(1); // NewEpoch only
    }

    @Test
    void registrationsBreakingARuleFailAndReserveNothing() {
        run(DevAccounts.CHARLIE, registration(DevAccounts.CHARLIE, DevAccounts.EVE, BOND));
        List<Object[]> cases = List.of(
                new Object[] {registration(DevAccounts.BOB, DevAccounts.DAVE, BOND.subtract(BigInteger.ONE)),
                        SessionError.BOND_TOO_LOW},
                new Object[] {registration(DevAccounts.CHARLIE, DevAccounts.DAVE, BOND), SessionError.INVALID_KEY_PROOF},
                new Object[] {new SessionCall.RegisterValidator(DAVE, BOND,
                        DevAccounts.FERDIE.keyPair().sign(SessionPallet.keyProofMessage(BOB)).bytes()),
                        SessionError.INVALID_KEY_PROOF},
                new Object[] {registration(DevAccounts.BOB, DevAccounts.ALICE, BOND), SessionError.KEY_IN_USE},
                new Object[] {registration(DevAccounts.BOB, DevAccounts.EVE, BOND), SessionError.KEY_IN_USE});
        for (Object[] c : cases) {
            DispatchError expected = ((SessionError) c[1]).error();
            ApplyOutcome.Applied out = run(DevAccounts.BOB, (SessionCall) c[0]);
            assertThat(out.error()).as(expected.describe()).contains(expected);
            assertThat(reserved(BOB)).isZero();
        }
        assertThat(run(DevAccounts.CHARLIE, registration(DevAccounts.CHARLIE, DevAccounts.FERDIE, BOND)).error())
                .contains(SessionError.ALREADY_REGISTERED.error());
        assertThat(run(DevAccounts.BOB, new SessionCall.Unregister()).error()).contains(SessionError.NOT_REGISTERED.error());
        assertThat(run(DevAccounts.ALICE, new SessionCall.Unregister()).error())
                .as("genesis validators have no registration").contains(SessionError.NOT_REGISTERED.error());
    }

    @Test
    void theNextEpochsSetNeverExceedsTheMaximumCountingPendingAndLeavingValidators() {
        BalancesPallet balances = chain.runtime().pallet(BalancesPallet.class);
        ValidatorRegistry registry = new ValidatorRegistry(balances, new SessionParameters(2, BOND));
        chain.beginBlock();
        RuntimeContext ctx = chain.openBlock().context();
        registry.register(ctx, BOB, registration(DevAccounts.BOB, DevAccounts.DAVE, BOND));
        assertThatThrownBy(() -> registry.register(ctx, account(DevAccounts.CHARLIE),
                registration(DevAccounts.CHARLIE, DevAccounts.EVE, BOND)))
                .isInstanceOfSatisfying(DispatchException.class,
                        e -> assertThat(e.error()).isEqualTo(SessionError.TOO_MANY_VALIDATORS.error()));
        assertThat(ValidatorRegistry.nextSetSize(ctx)).isEqualTo(2);
        chain.finishBlock();
    }
}
