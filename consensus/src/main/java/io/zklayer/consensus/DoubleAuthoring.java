package io.zklayer.consensus;

import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.RuntimeVersion;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fault injection (test chains only): an {@link AuthoringStrategy} that seals a second block in every
 * slot of the author. The slot fixes the timestamp inherent, so the second block differs in its body:
 * no pool transactions, and one {@code System.remark} signed by the author's key (immortal, no tip,
 * the key's nonce in the parent state) saying {@code "misbehaving on purpose: second block of slot N"}.
 * Both blocks are valid, so every node imports both and sees two seals of one slot.
 */
public final class DoubleAuthoring implements AuthoringStrategy {
    private final Ed25519KeyPair key;
    private final AccountId32 account;
    private final ExtrinsicSigner signer;

    /**
     * Creates the strategy for an author signing with {@code key} on the chain with
     * {@code genesisHash}, whose runtime is {@code version}.
     */
    public DoubleAuthoring(Ed25519KeyPair key, RuntimeVersion version, H256 genesisHash) {
        this.key = key;
        this.account = AccountId32.of(key.publicKey().bytes());
        this.signer = new ExtrinsicSigner(version.specVersion(), version.transactionVersion(), genesisHash);
    }

    @Override
    public Optional<List<byte[]>> secondBody(long slot, H256 parentHash, Supplier<TrieState> parentState) {
        long nonce = SystemStorage.ACCOUNT.get(parentState.get(), account).nonce();
        byte[] text = ("misbehaving on purpose: second block of slot " + slot).getBytes(StandardCharsets.US_ASCII);
        Call remark = new Call(SystemPallet.INDEX, 0, ScaleCodecs.BYTES.encode(text));
        return Optional.of(List.of(signer.sign(key, remark, nonce, BigInteger.ZERO).encode()));
    }
}
