package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.crypto.DevAccounts;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option parsing and validation of {@code zklayer tx}: every bad value is exit code 2 with a
 * message naming the option, before any node is contacted. Valid options reach the node, which
 * here is a closed port (exit code 1, "cannot reach node"), proving that validation let them pass.
 */
@Timeout(30)
class TxCommandsTest {
    private static final String NL = System.lineSeparator();
    private static final String BOB = DevAccounts.BOB.keyPair().publicKey().toSs58();
    private static String closedUrl;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findAClosedPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            closedUrl = "ws://127.0.0.1:" + probe.getLocalPort();
        }
    }

    private CliHarness run(int expectedCode, String... args) {
        CliHarness cli = new CliHarness(tmp);
        int code = cli.run(args);
        assertThat(code).as("exit code of %s; stdout: %s; stderr: %s", List.of(args), cli.out(), cli.err())
                .isEqualTo(expectedCode);
        return cli;
    }

    // tx transfer with the given options replacing or adding to a valid set aimed at the closed port.
    private static String[] transfer(String... extra) {
        List<String> args = new ArrayList<>(List.of("tx", "transfer"));
        List<String> given = List.of(extra);
        for (String[] pair : new String[][] {{"--from", "//Alice"}, {"--to", BOB}, {"--amount", "1.5"}, {"--rpc-url", closedUrl}}) {
            if (!given.contains(pair[0])) {
                args.add(pair[0]);
                args.add(pair[1]);
            }
        }
        args.addAll(given);
        return args.toArray(String[]::new);
    }

    private void rejected(String message, String... args) {
        CliHarness cli = run(2, args);
        assertThat(cli.err()).contains("error: " + message).contains("--help' for the options.");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void validTransferOptionsReachTheNode() {
        CliHarness cli = run(1, transfer("--keep-alive", "--tip", "5", "--nonce", "7", "--timeout", "5"));
        assertThat(cli.err()).isEqualTo("error: cannot reach node at " + closedUrl
                + ": connection refused (is it running? --rpc-url)" + NL);

        run(1, transfer("--to", DevAccounts.BOB.keyPair().publicKey().toString(), "--amount", "2000", "--planck",
                "--wait", "--wait-timeout", "10"));
    }

    @Test
    void txWithoutASubcommandSaysWhichExist() {
        rejected("tx: missing subcommand (transfer, call or submit)", "tx");
    }

    @Test
    void transferNeedsFromToAndAmount() {
        rejected("Missing required options: '--from=<secret uri>', '--to=<ss58|0xhex>', '--amount=<amount>'",
                "tx", "transfer");
    }

    @Test
    void rejectsABadRecipient() {
        rejected("--to '5GrwvaEF' is not an SS58 address: ss58:", transfer("--to", "5GrwvaEF"));
        rejected("--to: an account id is 32 bytes (0x and 64 hex digits), got 2 bytes", transfer("--to", "0x1234"));
        rejected("--to '0xzz' is not hex: hex:", transfer("--to", "0xzz"));
        String typo = BOB.substring(0, BOB.length() - 1) + (BOB.endsWith("a") ? "b" : "a");
        rejected("--to '" + typo + "' is not an SS58 address: ss58:", transfer("--to", typo));
    }

    @Test
    void rejectsAnAmountThatIsNotAPlainNumber() {
        for (String bad : List.of("1e3", "-1", "1,5", ".5", "1.", "one", "")) {
            rejected("--amount must be a decimal number of tokens, such as 1.5 (or planck with --planck), got '" + bad + "'",
                    transfer("--amount", bad));
        }
        rejected("--amount must be a whole number of planck with --planck, such as 1500000000000, got '1.5'",
                transfer("--amount", "1.5", "--planck"));
    }

    @Test
    void rejectsABadSecret() {
        rejected("--from: not a usable secret URI: bip39: word 1 'xyzzy' is not in the BIP-39 English wordlist",
                transfer("--from", "xyzzy a real phrase of twelve words at all in any way"));
        rejected("--from: not a usable secret URI: secret uri: a 0x seed has 64 hex digits", transfer("--from", "0x1234"));
        rejected("--from -: stdin has no secret URI on its first line", transfer("--from", "-"));
    }

    @Test
    void rejectsABadTipOrNonce() {
        rejected("--tip must be a whole number of planck (0 or more), got '-1'", transfer("--tip", "-1"));
        rejected("--tip must be a whole number of planck (0 or more), got '0.5'", transfer("--tip", "0.5"));
        rejected("--tip 340282366920938463463374607431768211456 is above the largest balance 2^128 - 1",
                transfer("--tip", "340282366920938463463374607431768211456"));
        rejected("--nonce must be 0…4294967295 (a u32), got -1", transfer("--nonce", "-1"));
        rejected("--nonce must be 0…4294967295 (a u32), got 4294967296", transfer("--nonce", "4294967296"));
        rejected("Invalid value for option '--nonce': 'x' is not a long", transfer("--nonce", "x"));
    }

    @Test
    void rejectsBadNodeOptions() {
        rejected("--rpc-url: rpc url 'localhost:9944' must start with ws://", transfer("--rpc-url", "localhost:9944"));
        rejected("--timeout must be 1…86400 seconds, got 0", transfer("--timeout", "0"));
        rejected("--wait-timeout needs --wait", transfer("--wait-timeout", "10"));
        rejected("--wait-timeout must be 1…86400 seconds, got 0", transfer("--wait", "--wait-timeout", "0"));
        rejected("--wait follows the transaction over a subscription, which needs a ws:// or wss:// --rpc-url, got"
                + " http://127.0.0.1:9944", transfer("--wait", "--rpc-url", "http://127.0.0.1:9944"));
    }

    @Test
    void callResolvesPalletAndCallAndChecksTheArguments() {
        String[] base = {"tx", "call", "--from", "//Alice", "--rpc-url", closedUrl};
        run(1, concat(base, "--pallet", "Balances", "--call", "transfer_keep_alive", "--args-hex",
                "0x00" + "11".repeat(32) + "04"));
        run(1, concat(base, "--pallet", "3", "--call", "3", "--args-hex", "0x00" + "11".repeat(32) + "04"));

        rejected("--pallet: the runtime has no pallet 'Staking' (pallets: 0 System, 1 Timestamp, 2 Session, 3 Balances,"
                + " 4 TransactionPayment, 5 Sudo, 6 Models, 7 Pools, 8 Inference, 9 Verifier, 10 Offences)",
                concat(base, "--pallet", "Staking", "--call", "bond"));
        rejected("--pallet TransactionPayment: pallet TransactionPayment has no calls (pallets with calls: System, Timestamp,"
                + " Session, Balances, Sudo, Models, Pools, Inference, Verifier, Offences)",
                concat(base, "--pallet", "TransactionPayment", "--call", "0"));
        rejected("--call: pallet Balances has no call 'transfer' (calls: 0 transfer_allow_death, 2 force_transfer,"
                + " 3 transfer_keep_alive, 4 transfer_all, 8 force_set_balance)",
                concat(base, "--pallet", "Balances", "--call", "transfer"));
        rejected("--args-hex: not the arguments of Balances.transfer_keep_alive(dest: MultiAddress, value: Compact<u128>):",
                concat(base, "--pallet", "Balances", "--call", "transfer_keep_alive", "--args-hex", "0x00"));
        rejected("--args-hex must be 0x-prefixed hex, got '0102'",
                concat(base, "--pallet", "System", "--call", "remark", "--args-hex", "0102"));
        rejected("--args-hex is not hex: hex:", concat(base, "--pallet", "System", "--call", "remark", "--args-hex", "0x0g"));
        rejected("Missing required options: '--pallet=<name|index>', '--call=<name|index>'", "tx", "call", "--from", "//Alice");
    }

    @Test
    void submitChecksTheExtrinsicBeforeSendingIt() {
        rejected("<0xextrinsic> must be 0x-prefixed hex, got 'abcd'", "tx", "submit", "abcd");
        rejected("<0xextrinsic>: not a SCALE-encoded extrinsic:", "tx", "submit", "0x0400");
        rejected("Missing required parameter: '<0xextrinsic>'", "tx", "submit");
    }

    @Test
    void helpListsTheSubcommandsAndOptions() {
        CliHarness tx = run(0, "tx", "--help");
        assertThat(tx.out()).contains("transfer", "call", "submit");

        CliHarness transfer = run(0, "tx", "transfer", "--help");
        assertThat(transfer.out()).contains("--from=<secret uri>", "--to=<ss58|0xhex>", "--amount=<amount>", "--planck",
                "--keep-alive", "--tip=<planck>", "--nonce=<n>", "--rpc-url=<url>", "--wait", "--timeout=<seconds>",
                "--wait-timeout=<seconds>");
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
