package io.zklayer.node.cli;

import io.zklayer.node.client.RpcClient;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.InvalidSecretException;
import io.zklayer.primitives.crypto.SecretUri;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer tx transfer|call|submit}: signs and submits transactions to a node over JSON-RPC,
 * as a wallet does: the genesis hash, runtime version and next nonce come from the node, the
 * extrinsic is signed here with an ed25519 key from a secret URI, and {@code --wait} follows it to
 * finality and reads its outcome from the block's events.
 *
 * <pre>
 * zklayer tx transfer --from //Alice --to 5GoNkf6W… --amount 1.5 --wait
 * zklayer tx call --from //Alice --pallet System --call remark --args-hex 0x0c010203
 * zklayer tx submit 0x4502840088dc…
 * </pre>
 *
 * <p>Every option is checked before the node is contacted where it can be (a bad address, amount,
 * secret or call is exit code 2 naming the option); what only the node can tell (its answer, the
 * transaction's fate) is exit code 1 with {@code error: …} on stderr. See {@link TxSession}.
 */
@Command(name = "tx", mixinStandardHelpOptions = true,
        description = {"Sign and submit transactions to a node.", "Examples:",
                "  zklayer tx transfer --from //Alice --to 5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E --amount 1.5 --wait",
                "  zklayer tx call --from //Alice --pallet System --call remark --args-hex 0x0c010203",
                "  zklayer tx submit 0x4502…"})
final class TxCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private TxCommands() {}

    /** Returns {@code tx} with its subcommands; {@code env} supplies stdin for {@code --from -}. */
    static CommandLine create(CliEnvironment env) {
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        CommandLine tx = new CommandLine(new TxCommands());
        tx.addSubcommand("transfer", new Transfer(env, runtime));
        tx.addSubcommand("call", new CallCommand(env, runtime));
        tx.addSubcommand("submit", new Submit(runtime));
        return tx;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "tx: missing subcommand (transfer, call or submit)");
    }

    /** Turns a rule broken by an option's value into a usage error (exit code 2) naming it. */
    static <T> T checked(CommandSpec spec, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Where the node is and how long to wait for it: shared by every {@code tx} subcommand. */
    static final class NodeOptions {
        static final int DEFAULT_WAIT_SECONDS = 300;

        @Option(names = "--rpc-url", paramLabel = "<url>", defaultValue = "ws://127.0.0.1:9944",
                description = "The node's RPC endpoint (ws:// or wss://; http(s):// without --wait). Default: ${DEFAULT-VALUE}.")
        String rpcUrl;

        @Option(names = "--wait", description = "Follow the transaction until it is finalized and print its outcome"
                + " (needs a WebSocket --rpc-url).")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30",
                description = "Seconds to wait for each answer of the node. Default: ${DEFAULT-VALUE}.")
        int timeoutSeconds;

        @Option(names = "--wait-timeout", paramLabel = "<seconds>",
                description = "With --wait: seconds to wait for finality. Default: " + DEFAULT_WAIT_SECONDS + ".")
        Integer waitTimeoutSeconds;

        /** Checks every option; returns the node's URL. */
        URI check(CommandSpec spec) {
            return checked(spec, () -> {
                InvalidConfigException.checkRange("--timeout", timeoutSeconds, 1, 86_400, " seconds");
                if (waitTimeoutSeconds != null) {
                    if (!wait) {
                        throw new InvalidConfigException("--wait-timeout needs --wait");
                    }
                    InvalidConfigException.checkRange("--wait-timeout", waitTimeoutSeconds, 1, 86_400, " seconds");
                }
                URI url;
                try {
                    url = RpcClient.parseUrl(rpcUrl);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException("--rpc-url: " + e.getMessage(), e);
                }
                String scheme = url.getScheme().toLowerCase(Locale.ROOT);
                if (wait && !scheme.equals("ws") && !scheme.equals("wss")) {
                    throw new InvalidConfigException("--wait follows the transaction over a subscription, which needs"
                            + " a ws:// or wss:// --rpc-url, got " + rpcUrl);
                }
                return url;
            });
        }

        /** Connects to the node; call {@link #check} first. */
        TxSession open(CommandSpec spec, Runtime runtime) {
            return TxSession.open(check(spec), Duration.ofSeconds(timeoutSeconds),
                    Duration.ofSeconds(waitTimeoutSeconds == null ? DEFAULT_WAIT_SECONDS : waitTimeoutSeconds), runtime,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** Who signs and what the signed extensions hold: shared by {@code transfer} and {@code call}. */
    static final class SignerOptions {
        @Option(names = "--from", required = true, paramLabel = "<secret uri>",
                description = {"The signing key: //Alice, a phrase with an optional //path///password, or 0x<seed>.",
                        "'-' reads it from the first line of stdin (keeps it out of the shell history)."})
        String from;

        @Option(names = "--tip", paramLabel = "<planck>", defaultValue = "0",
                description = "Tip for priority, in planck. Default: ${DEFAULT-VALUE}.")
        String tip;

        @Option(names = "--nonce", paramLabel = "<n>",
                description = "The nonce to sign with. Default: the node's system_accountNextIndex of the signer.")
        Long nonce;

        /** Checks the tip and nonce, which need no node. */
        void check(CommandSpec spec) {
            tip(spec);
            nonce(spec);
        }

        Ed25519KeyPair key(CommandSpec spec, CliEnvironment env) {
            String uri = from;
            if ("-".equals(from)) {
                try {
                    uri = env.stdin().readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("--from -: cannot read stdin: " + e.getMessage(), e);
                }
                if (uri == null || uri.isBlank()) {
                    throw new ParameterException(spec.commandLine(), "--from -: stdin has no secret URI on its first line");
                }
                uri = uri.strip();
            }
            try {
                return SecretUri.parse(uri).ed25519();
            } catch (InvalidSecretException e) {
                throw new ParameterException(spec.commandLine(), "--from: not a usable secret URI: " + e.getMessage(), e);
            }
        }

        BigInteger tip(CommandSpec spec) {
            return checked(spec, () -> TokenAmount.parsePlanck("--tip", tip));
        }

        OptionalLong nonce(CommandSpec spec) {
            if (nonce == null) {
                return OptionalLong.empty();
            }
            if (nonce < 0 || nonce > 0xFFFFFFFFL) {
                throw new ParameterException(spec.commandLine(), "--nonce must be 0…4294967295 (a u32), got " + nonce);
            }
            return OptionalLong.of(nonce);
        }
    }

    /** {@code tx transfer}: a Balances transfer of decimal units (or planck) to an address. */
    @Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Transfer tokens (Balances.transfer_allow_death, or transfer_keep_alive with --keep-alive).")
    static final class Transfer extends SignedCallCommand {
        @Option(names = "--to", required = true, paramLabel = "<ss58|0xhex>",
                description = "The recipient: an SS58 address or a 0x-hex account id.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "<amount>",
                description = "Tokens to send, decimal (1.5 = 1.5 × 10^tokenDecimals planck), or planck with --planck.")
        String amount;

        @Option(names = "--planck", description = "--amount is a whole number of planck (the smallest unit).")
        boolean planck;

        @Option(names = "--keep-alive", description = "Fail rather than let the sender's balance fall below the"
                + " existential deposit (transfer_keep_alive).")
        boolean keepAlive;

        private AccountId32 dest;
        private TokenAmount value;

        Transfer(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        void checkOptions() {
            dest = checked(spec, () -> AccountArgument.parse("--to", to));
            value = checked(spec, () -> new TokenAmount(amount, planck));
        }

        @Override
        Call buildCall(TxSession session, Ed25519KeyPair signerKey) {
            ChainInfo chain = session.chain();
            if (!planck && chain.tokenDecimals().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--amount: the node reports no tokenDecimals, so"
                        + " give the amount in planck with --planck");
            }
            int decimals = planck ? 0 : chain.tokenDecimals().getAsInt();
            BigInteger planckValue = checked(spec, () -> value.toPlanck(decimals));
            String shown = chain.tokenDecimals().isPresent()
                    ? TokenAmount.format(planckValue, chain.tokenDecimals().getAsInt()) + " " + chain.tokenSymbol()
                            + " (" + planckValue + " planck)"
                    : planckValue + " planck";
            spec.commandLine().getOut().println("Transfer " + shown + " to " + chain.address(dest.bytes())
                    + (keepAlive ? ", keeping the sender alive" : ""));
            return transferCall(dest, planckValue, keepAlive);
        }

        /** Returns the Balances call: {@code transfer_keep_alive} (index 3) or {@code transfer_allow_death} (index 0). */
        static Call transferCall(AccountId32 dest, BigInteger value, boolean keepAlive) {
            BalancesCall call = keepAlive ? new BalancesCall.TransferKeepAlive(MultiAddress.id(dest), value)
                    : new BalancesCall.TransferAllowDeath(MultiAddress.id(dest), value);
            byte[] encoded = BalancesCall.CODEC.encode(call);
            return new Call(BalancesPallet.INDEX, encoded[0] & 0xFF, Arrays.copyOfRange(encoded, 1, encoded.length));
        }
    }

    /** {@code tx call}: any call of the runtime, named by pallet and call, with SCALE arguments. */
    @Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sign and submit any runtime call from its SCALE-encoded arguments.",
                    "Pallets and calls are named (Balances, transfer_keep_alive) or indexed (3, 3)."})
    static final class CallCommand extends SignedCallCommand {
        @Option(names = "--pallet", required = true, paramLabel = "<name|index>", description = "The pallet, such as Balances or 3.")
        String pallet;

        @Option(names = "--call", required = true, paramLabel = "<name|index>",
                description = "The call, such as transfer_keep_alive or 3.")
        String call;

        @Option(names = "--args-hex", paramLabel = "<0xhex>", defaultValue = "0x",
                description = "The call's arguments, SCALE-encoded, in hex. Default: none (${DEFAULT-VALUE}).")
        String argsHex;

        private Call selected;

        CallCommand(CliEnvironment env, Runtime runtime) {
            super(env, runtime);
        }

        @Override
        void checkOptions() {
            byte[] args = checked(spec, () -> hex("--args-hex", argsHex));
            selected = checked(spec, () -> new CallSelector(runtime).select(pallet, call, args));
        }

        @Override
        Call buildCall(TxSession session, Ed25519KeyPair signerKey) {
            return selected;
        }
    }

    /** {@code tx submit}: an extrinsic signed elsewhere, as hex. */
    @Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Submit an already signed extrinsic (SCALE, hex).")
    static final class Submit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<0xextrinsic>", description = "The extrinsic, 0x-hex of its SCALE encoding.")
        String extrinsic;

        @Mixin
        NodeOptions node = new NodeOptions();

        private final Runtime runtime;

        Submit(Runtime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws Exception {
            byte[] bytes = checked(spec, () -> hex("<0xextrinsic>", extrinsic));
            try {
                UncheckedExtrinsic.CODEC.decode(bytes);
            } catch (ScaleDecodeException e) {
                throw new ParameterException(spec.commandLine(), "<0xextrinsic>: not a SCALE-encoded extrinsic: "
                        + e.getMessage(), e);
            }
            node.check(spec);
            try (TxSession session = node.open(spec, runtime)) {
                return session.send(bytes, node.wait);
            }
        }
    }

    /** Returns the bytes of {@code 0x}-prefixed hex, or an error naming {@code option}. */
    static byte[] hex(String option, String text) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw new InvalidConfigException(option + " must be 0x-prefixed hex, got '" + text + "'");
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(option + " is not hex: " + e.getMessage(), e);
        }
    }
}
