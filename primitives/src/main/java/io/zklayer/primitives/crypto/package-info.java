/**
 * Account keys as Substrate makes them: ed25519 key pairs and signatures, BIP-39 mnemonics turned
 * into mini-secrets the way {@code substrate-bip39} does, hard-junction derivation
 * ({@code //Alice}), secret URIs, SS58 addresses with base58 text, and the well-known dev accounts.
 *
 * <p>Everything here is pure computation with no I/O except reading the bundled BIP-39 English
 * wordlist from the class path. Results equal those of Substrate and polkadot.js byte for byte:
 * {@code Ed25519KeyPair.fromSecretUri("//Alice").publicKey()} is
 * {@code 0x88dc3417…b0ee}, address {@code 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu}.
 */
package io.zklayer.primitives.crypto;
