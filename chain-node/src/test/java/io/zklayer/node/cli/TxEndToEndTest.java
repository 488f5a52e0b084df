package io.zklayer.node.cli;

import static io.zklayer.node.cli.InProcessDevNode.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zklayer tx} against a real dev node in this JVM (RocksDB, authoring, RPC over WebSocket).
 * Each test signs with its own dev account, so the tests do not depend on each other's nonces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TxEndToEndTest {
    private static final String NL = System.lineSeparator();
    private static final BigInteger UNIT = RuntimeParameters.UNIT;
    private static final Pattern FINALIZED = Pattern.compile("Status: finalized (0x[0-9a-f]{64})");
    private static final Pattern FEE = Pattern.compile("Fee: [0-9.]+ ZKL \\(([0-9]+) planck\\)");

    @TempDir
    static Path tmp;

    private InProcessDevNode dev;

    @BeforeAll
    void startNode() throws Exception {
        dev = new InProcessDevNode(tmp.resolve("db"));
    }

    @AfterAll
    void stopNode() {
        dev.close();
    }

    private CliHarness cli(String stdin) {
        return new CliHarness(tmp, stdin, cfg -> 0);
    }

    private static String ss58(DevAccounts who) {
        return who.keyPair().publicKey().toSs58();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in%n%s", pattern, text).isTrue();
        return m.group(1);
    }

    private String parentOf(String blockHash) {
        return dev.http.call("chain_getHeader", blockHash).get("parentHash").asText();
    }

    private BigInteger free(AccountId32 who, String block) {
        return dev.accountInfo(who, block).data().free();
    }

    @Test
    void transferWaitsForFinalityPrintsEachStatusAndTheOutcomeAndMovesTheBalances() {
        CliHarness cli = cli("");

        int code = cli.run("tx", "transfer", "--from", "//Alice", "--to", ss58(DevAccounts.BOB), "--amount", "1.5", "--wait",
                "--rpc-url", dev.wsUrl());

        assertThat(code).as(cli.err()).isZero();
        String out = cli.out();
        String block = group(FINALIZED, out);
        BigInteger amount = UNIT.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
        assertThat(out).startsWith("Transfer 1.5 ZKL (1500000000000 planck) to " + ss58(DevAccounts.BOB) + NL
                + "Signed Balances.transfer_allow_death as " + ss58(DevAccounts.ALICE) + " with nonce 0" + NL
                + "Transaction 0x");
        assertThat(out).contains(NL + "Status: ready" + NL, NL + "Status: inBlock " + block + NL,
                NL + "Finalized in block #",
                "Events: Balances.Withdraw, TransactionPayment.TransactionFeePaid, Balances.Transfer, System.ExtrinsicSuccess" + NL)
                .endsWith(NL + "Result: success" + NL)
                .containsPattern("Finalized in block #[1-9][0-9]* \\(" + block + "\\), extrinsic [1-9]" + NL);
        assertThat(cli.err()).isEmpty();

        BigInteger fee = new BigInteger(group(FEE, out));
        assertThat(fee).isPositive();
        String parent = parentOf(block);
        assertThat(free(account(DevAccounts.BOB), block)).isEqualTo(free(account(DevAccounts.BOB), parent).add(amount));
        assertThat(free(account(DevAccounts.ALICE), block))
                .isEqualTo(free(account(DevAccounts.ALICE), parent).subtract(amount).subtract(fee));
    }

    @Test
    void keepAliveTransferInPlanckToAHexAccountWithATip() {
        CliHarness cli = cli("");
        AccountId32 charlie = account(DevAccounts.CHARLIE);

        int code = cli.run("tx", "transfer", "--from", "//Ferdie", "--to", charlie.toHex(), "--amount", "2000", "--planck",
                "--keep-alive", "--tip", "7", "--wait", "--rpc-url", dev.wsUrl());

        assertThat(code).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).startsWith("Transfer 0.000000002 ZKL (2000 planck) to " + ss58(DevAccounts.CHARLIE)
                + ", keeping the sender alive" + NL
                + "Signed Balances.transfer_keep_alive as " + ss58(DevAccounts.FERDIE) + " with nonce 0 and tip 7 planck" + NL);
        assertThat(out).containsPattern("Fee: [0-9.]+ ZKL \\([0-9]+ planck\\), tip 7 planck included" + NL)
                .endsWith("Result: success" + NL);
        String block = group(FINALIZED, out);
        assertThat(free(charlie, block)).isEqualTo(free(charlie, parentOf(block)).add(BigInteger.valueOf(2000)));
    }

    @Test
    void aCallThatFailsInTheBlockPrintsItsDispatchErrorAndExitsWithOne() {
        CliHarness cli = cli("");
        AccountId32 fresh = AccountId32.of(Ed25519KeyPair.fromSecretUri("//Fresh").publicKey().bytes());

        int code = cli.run("tx", "transfer", "--from", "//Eve", "--to", fresh.toHex(), "--amount", "1", "--planck",
                "--wait", "--rpc-url", dev.wsUrl());

        assertThat(code).isEqualTo(1);
        String block = group(FINALIZED, cli.out());
        assertThat(cli.out()).contains("Events: Balances.Withdraw, TransactionPayment.TransactionFeePaid, System.ExtrinsicFailed")
                .endsWith(NL + "Result: failed: Token(BelowMinimum)" + NL);
        assertThat(cli.err()).isEqualTo("error: the transaction is in block " + block
                + " but its call failed: Token(BelowMinimum)" + NL);
        assertThat(dev.accountInfo(fresh, block).data().free()).isZero();
    }

    @Test
    void anyCallFromScaleArgumentsIsSignedAndItsEventsShown() {
        CliHarness cli = cli("");

        int code = cli.run("tx", "call", "--from", "//Charlie", "--pallet", "system", "--call", "remark_with_event",
                "--args-hex", "0x0c010203", "--wait", "--rpc-url", dev.wsUrl());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Signed System.remark_with_event as " + ss58(DevAccounts.CHARLIE) + " with nonce 0" + NL)
                .containsPattern("Events: [A-Za-z., ]*System\\.Remarked[A-Za-z., ]*System\\.ExtrinsicSuccess" + NL)
                .endsWith("Result: success" + NL);
    }

    @Test
    void anAccountWithoutFundsIsRejectedWith1010AndItsReason() {
        CliHarness cli = cli("");

        int code = cli.run("tx", "transfer", "--from", "//Nobody", "--to", ss58(DevAccounts.BOB), "--amount", "1",
                "--rpc-url", dev.wsUrl());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: the node rejected the transaction: 1010 Invalid Transaction: "
                + "Inability to pay some fees (e.g. account balance too low)").endsWith(NL);
        assertThat(cli.out()).doesNotContain("Submitted");
    }

    @Test
    void aTamperedSignatureIsRejectedWith1010AndThenBannedWith1012AlsoWhenWaiting() {
        H256 genesis = H256.fromHex(dev.http.call("chain_getBlockHash", 0).asText());
        ExtrinsicSigner signer = new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(),
                ZklayerRuntime.VERSION.transactionVersion(), genesis);
        byte[] good = signer.sign(DevAccounts.DAVE.keyPair(), TxCommands.Transfer.transferCall(account(DevAccounts.BOB), UNIT,
                true), 0, BigInteger.ZERO).encode();
        byte[] tampered = good.clone();
        tampered[40] ^= 1; // inside the signature
        byte[] otherwiseTampered = good.clone();
        otherwiseTampered[41] ^= 1;

        CliHarness first = cli("");
        assertThat(first.run("tx", "submit", Hex.encode(tampered), "--rpc-url", dev.wsUrl())).isEqualTo(1);
        assertThat(first.err()).startsWith("error: the node rejected the transaction: 1010 Invalid Transaction: "
                + "Transaction has a bad signature");

        CliHarness again = cli("");
        assertThat(again.run("tx", "submit", Hex.encode(tampered), "--wait", "--rpc-url", dev.wsUrl())).isEqualTo(1);
        assertThat(again.err()).startsWith("error: the node rejected the transaction: 1012 The transaction is temporarily"
                + " banned: ");

        CliHarness waiting = cli("");
        assertThat(waiting.run("tx", "submit", Hex.encode(otherwiseTampered), "--wait", "--rpc-url", dev.wsUrl())).isEqualTo(1);
        assertThat(waiting.err()).startsWith("error: the node rejected the transaction: 1010 Invalid Transaction: "
                + "Transaction has a bad signature");
        assertThat(waiting.out()).startsWith("Transaction 0x").doesNotContain("Status:");
    }

    @Test
    void submitSendsAnExtrinsicSignedElsewhereAndPrintsItsHash() {
        H256 genesis = H256.fromHex(dev.http.call("chain_getBlockHash", 0).asText());
        byte[] xt = new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(), ZklayerRuntime.VERSION.transactionVersion(),
                genesis).sign(Ed25519KeyPair.fromSecretUri("//Alice//stash"),
                TxCommands.Transfer.transferCall(account(DevAccounts.BOB), UNIT, true), 0, BigInteger.ZERO).encode();
        CliHarness cli = cli("");

        assertThat(cli.run("tx", "submit", Hex.encode(xt), "--rpc-url", dev.httpUrl())).as(cli.err()).isZero();

        assertThat(cli.out()).isEqualTo("Submitted " + Hex.encode(Hashing.blake2b256(xt)) + NL);
    }

    @Test
    void fromDashReadsTheSecretFromStdinAndAStaleNonceIsRefused() {
        CliHarness first = cli("//Dave\n");
        assertThat(first.run("tx", "transfer", "--from", "-", "--to", ss58(DevAccounts.BOB), "--amount", "1", "--wait",
                "--rpc-url", dev.wsUrl())).as(first.err()).isZero();
        assertThat(first.out()).contains("Signed Balances.transfer_allow_death as " + ss58(DevAccounts.DAVE) + " with nonce 0");

        CliHarness stale = cli("");
        assertThat(stale.run("tx", "transfer", "--from", "//Dave", "--to", ss58(DevAccounts.BOB), "--amount", "1",
                "--nonce", "0", "--rpc-url", dev.wsUrl())).isEqualTo(1);
        assertThat(stale.err()).startsWith("error: the node rejected the transaction: 1010 Invalid Transaction: "
                + "Transaction is outdated");
    }

    @Test
    void anAmountFinerThanTheTokensDecimalsIsAUsageErrorAndNothingIsSigned() {
        CliHarness cli = cli("");

        int code = cli.run("tx", "transfer", "--from", "//Alice", "--to", ss58(DevAccounts.BOB), "--amount",
                "0.0000000000001", "--rpc-url", dev.wsUrl());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: --amount 0.0000000000001 has more decimal places than the token's 12"
                + " (the smallest amount is 0.000000000001)" + NL);
        assertThat(cli.out()).isEmpty();
    }
}
