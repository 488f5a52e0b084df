// Known answers for the core chain types, computed by @polkadot/types 16.5.6 and
// @polkadot/keyring 14.0.3 (the versions pinned in testnet/interop/package-lock.json).
// Run from testnet/interop (so that node finds its node_modules):
//   cp <this file> testnet/interop/ && (cd testnet/interop && node types-kat.mjs) > types-kat.json
import { TypeRegistry } from '@polkadot/types';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

await cryptoWaitReady();
const r = new TypeRegistry();
r.setSignedExtensions(['CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis', 'CheckMortality', 'CheckNonce',
  'ChargeTransactionPayment']);
const out = {};

const header = r.createType('Header', {
  parentHash: '0x' + '11'.repeat(32), number: 1234567,
  stateRoot: '0x' + '22'.repeat(32), extrinsicsRoot: '0x' + '33'.repeat(32),
  digest: { logs: [
    { PreRuntime: ['0x61757261', '0x0102030405060708'] }, { Consensus: ['0x46524e4b', '0x'] }, { Other: '0xff' },
    { RuntimeEnvironmentUpdated: null }, { Seal: ['0x61757261', '0x' + '44'.repeat(64)] }] },
});
out.header = { hex: header.toHex(), hash: header.hash.toHex() };

out.eras = [[64, 42], [32768, 20000], [200, 513], [4, 6], [2, 1], [1000000, 1000001]].map(([period, current]) => {
  const e = r.createType('ExtrinsicEra', { current, period }).asMortalEra;
  return { period, current, hex: r.createType('ExtrinsicEra', { current, period }).toHex(),
    encodedPeriod: Number(e.period), birth: Number(e.birth(current)), death: Number(e.death(current)) };
});

out.multiAddress = [
  { Id: '0x' + '55'.repeat(32) }, { Index: 70000 }, { Raw: '0x0102' }, { Address32: '0x' + '66'.repeat(32) },
  { Address20: '0x' + '66'.repeat(20) },
].map((v) => ({ value: v, hex: r.createType('MultiAddress', v).toHex() }));
out.multiSignature = [
  { Ed25519: '0x' + '77'.repeat(64) }, { Sr25519: '0x' + '78'.repeat(64) }, { Ecdsa: '0x' + '79'.repeat(65) },
].map((v) => ({ value: v, hex: r.createType('MultiSignature', v).toHex() }));
out.justifications = { hex: r.createType('Justifications', [['0x46524e4b', '0xaabb'], ['0x42414245', '0x']]).toHex() };
out.phases = [{ ApplyExtrinsic: 3 }, 'Finalization', 'Initialization']
  .map((v) => ({ value: v, hex: r.createType('Phase', v).toHex() }));

const pair = new Keyring({ type: 'ed25519' }).addFromSeed(new Uint8Array(32).fill(7));
out.signer = { seed: '0x' + '07'.repeat(32), publicKey: u8aToHex(pair.publicKey) };
const payloads = [
  // balances.transfer_allow_death(Id(0x55..55), 100_000_000_000_000) at (5, 0); Era::mortal(64, 42).
  { method: '0x0500' + '00' + '55'.repeat(32) + '0b00407a10f35a', era: { current: 42, period: 64 }, nonce: 7,
    tip: 1000, blockHash: '0x' + 'bb'.repeat(32) },
  // A 302-byte call: the payload is longer than 256 bytes and is hashed before signing.
  { method: '0x0701' + '99'.repeat(300), era: null, nonce: 0, tip: 0, blockHash: '0x' + 'aa'.repeat(32) },
];
out.payloads = payloads.map((p) => {
  const payload = r.createType('ExtrinsicPayload', {
    method: p.method, era: p.era ? r.createType('ExtrinsicEra', p.era) : '0x00', nonce: p.nonce, tip: p.tip,
    specVersion: 100, transactionVersion: 1, genesisHash: '0x' + 'aa'.repeat(32), blockHash: p.blockHash,
  }, { version: 4 });
  return { ...p, specVersion: 100, transactionVersion: 1, genesisHash: '0x' + 'aa'.repeat(32),
    payload: u8aToHex(payload.toU8a({ method: true })), signature: payload.sign(pair).signature };
});
console.log(JSON.stringify(out, null, 2));
