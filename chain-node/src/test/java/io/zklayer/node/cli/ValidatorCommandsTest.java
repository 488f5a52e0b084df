package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validator register}: the call carries a key-ownership proof the Session pallet accepts; bad options are exit code 2. */
class ValidatorCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void registerCallIsSessionRegisterValidatorWithTheSessionKeysSignatureOfContextAndSigner() {
        Ed25519KeyPair signer = Ed25519KeyPair.fromSecretUri("//Eve");
        Ed25519KeyPair session = Ed25519KeyPair.fromSecretUri("//Eve//session");
        AccountId32 who = AccountId32.of(signer.publicKey().bytes());
        BigInteger bond = BigInteger.TEN.pow(15);

        Call call = ValidatorCommands.registerCall(who, session, bond);

        assertThat(call.palletIndex()).isEqualTo(SessionPallet.INDEX);
        assertThat(call.callIndex()).isZero();
        byte[] encoded = new byte[call.args().length + 1];
        System.arraycopy(call.args(), 0, encoded, 1, call.args().length);
        SessionCall.RegisterValidator decoded = (SessionCall.RegisterValidator) SessionCall.CODEC.decode(encoded);
        assertThat(decoded.sessionKey().bytes()).isEqualTo(session.publicKey().bytes());
        assertThat(decoded.bond()).isEqualTo(bond);
        assertThat(session.publicKey().verify(SessionPallet.keyProofMessage(who), Ed25519Signature.of(decoded.proof())))
                .as("the proof the pallet checks").isTrue();
        assertThat(session.publicKey().verify(SessionPallet.keyProofMessage(AccountId32.of(session.publicKey().bytes())),
                Ed25519Signature.of(decoded.proof()))).as("bound to the signer, not reusable by another account").isFalse();
    }

    @Test
    void registerChecksBondAndSessionKeyBeforeContactingANode() {
        CliHarness cli = new CliHarness(tmp);
        assertThat(cli.run("validator", "register", "--from", "//Eve", "--bond", "1,5")).isEqualTo(2);
        assertThat(cli.err()).contains("a decimal number of tokens");
        cli = new CliHarness(tmp);
        assertThat(cli.run("validator", "register", "--from", "//Eve", "--bond", "1000", "--session-key", "not a uri")).isEqualTo(2);
        assertThat(cli.err()).contains("--session-key: not a usable secret URI");
        cli = new CliHarness(tmp);
        assertThat(cli.run("validator")).isEqualTo(2);
        assertThat(cli.err()).contains("validator: missing subcommand (register or unregister)");
    }
}
