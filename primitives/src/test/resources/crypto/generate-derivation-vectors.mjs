// Regenerates derivation-vectors.json with @polkadot/util-crypto and @polkadot/keyring (the pinned
// versions of testnet/interop). ESM resolves packages beside the script, so copy it there first:
//   cp generate-derivation-vectors.mjs ../../../../../testnet/interop/ && cd ../../../../../testnet/interop
//   node generate-derivation-vectors.mjs > ../../primitives/src/test/resources/crypto/derivation-vectors.json
import { cryptoWaitReady, mnemonicToMiniSecret, mnemonicToEntropy } from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, hexToU8a } from '@polkadot/util';

await cryptoWaitReady();
const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const LEGAL = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const ZOO24 = entropyToMnemonic(new Uint8Array(32).fill(0xff));
// 15, 18 and 21 words from fixed entropy, so every length of BIP-39 appears.
const SEQ = (n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
const W15 = entropyToMnemonic(SEQ(20));
const W18 = entropyToMnemonic(SEQ(24));
const W21 = entropyToMnemonic(SEQ(28));
const mnemonics = [];
for (const [phrase, password] of [[DEV, ''], [ABANDON, ''], [ABANDON, 'TREZOR'], [LEGAL, 'TREZOR'], [ZOO24, ''],
  [W15, ''], [W18, 'pässwörd'], [W21, 'x']]) {
  mnemonics.push({
    phrase, password,
    entropy: u8aToHex(mnemonicToEntropy(phrase)),
    miniSecret: u8aToHex(mnemonicToMiniSecret(phrase, password)),
  });
}
const keyring = new Keyring({ type: 'ed25519', ss58Format: 42 });
const uris = [
  '//Alice', '//Alice//stash', '//Bob', '//Bob//stash', '//Charlie', '//Dave', '//Eve', '//Ferdie',
  '//Charlie//stash', '//Dave//stash', '//Eve//stash', '//Ferdie//stash',
  // Not 2^64 or more: polkadot.js encodes any all-digit junction as a 256-bit number, Substrate
  // treats one that does not fit a u64 as text. We follow Substrate, so such vectors would differ.
  DEV + '//5', DEV + '//0', DEV + '//18446744073709551615',
  DEV + '//' + 'x'.repeat(31), DEV + '//' + 'x'.repeat(32), DEV + '//' + 'a-very-long-junction-name-that-is-hashed',
  DEV + '//Alice///secret', DEV + '///secret',
  ABANDON + '//polkadot//0', ABANDON + '///TREZOR',
  '0x' + '11'.repeat(32), '0x' + '11'.repeat(32) + '//Alice', '0x' + '11'.repeat(32) + '//Alice///ignored',
];
const keys = uris.map((uri) => {
  const pair = keyring.addFromUri(uri);
  return { uri, publicKey: u8aToHex(pair.publicKey), ss58_42: pair.address };
});
console.log(JSON.stringify({ mnemonics, ed25519: keys }, null, 2));
