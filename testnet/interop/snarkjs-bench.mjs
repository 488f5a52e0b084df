// Measures snarkjs 0.7.6 in-process on the inputs the Java zk benchmarks use (bench/.../zk/Groth16Benchmark):
// groth16.prove(mlp_final.zkey, witness_1.wtns) and groth16.verify(vk, public_1, proof_1).
// snarkjs's default in-process configuration (its worker threads on every core), the zkey and witness
// passed as buffers, so each prove call also reads the zkey sections, as the CLI would.
// Usage: node snarkjs-bench.mjs [proveRuns=15] [verifyRuns=50] [warmups=5]   (run from testnet/interop)
import fs from 'node:fs';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { vectors } from './snarkjs-driver.mjs';

const proveRuns = Number(process.argv[2] ?? 15);
const verifyRuns = Number(process.argv[3] ?? 50);
const warmups = Number(process.argv[4] ?? 5);
const dir = path.join(vectors, 'mlp');
const zkey = fs.readFileSync(path.join(dir, 'mlp_final.zkey'));
const wtns = fs.readFileSync(path.join(dir, 'proofs', 'witness_1.wtns'));
const vk = JSON.parse(fs.readFileSync(path.join(dir, 'verification_key.json'), 'utf8'));
const proof = JSON.parse(fs.readFileSync(path.join(dir, 'proofs', 'proof_1.json'), 'utf8'));
const pub = JSON.parse(fs.readFileSync(path.join(dir, 'proofs', 'public_1.json'), 'utf8'));

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(2)} ms (min ${s[0].toFixed(2)}, max ${s[s.length - 1].toFixed(2)}, n=${s.length})`;
}

async function time(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

for (let i = 0; i < warmups; i++) { // warm-up: JIT, wasm instances and worker threads
  await snarkjs.groth16.prove(new Uint8Array(zkey), new Uint8Array(wtns));
  await snarkjs.groth16.verify(vk, pub, proof);
}
const prove = [];
for (let i = 0; i < proveRuns; i++) prove.push(await time(() => snarkjs.groth16.prove(new Uint8Array(zkey), new Uint8Array(wtns))));
const verify = [];
for (let i = 0; i < verifyRuns; i++) verify.push(await time(() => snarkjs.groth16.verify(vk, pub, proof)));
console.log(`snarkjs 0.7.6, node ${process.version}, mlp (12,800 constraints), ${warmups} warm-up runs`);
console.log(`groth16.prove  (zkey + wtns in memory): ${stats(prove)}`);
console.log(`groth16.verify (11 public signals):     ${stats(verify)}`);
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate();
