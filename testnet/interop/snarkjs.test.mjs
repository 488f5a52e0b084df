// Interop: snarkjs 0.7.6 (an independent Groth16 implementation) verifies proofs made by the zk
// module's Java prover from circom's .r1cs, snarkjs's .zkey and .wtns files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { java, vectors, snarkjsCli } from './snarkjs-driver.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-snarkjs-'));

after(async () => {
  if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate();
  fs.rmSync(work, { recursive: true, force: true });
});

function proveWithJava(circuit, k, seed) {
  const dir = path.join(vectors, circuit);
  const out = path.join(work, `${circuit}_${k}`);
  java('io.zklayer.zk.interop.ProveDriver', ['prove', path.join(dir, `${circuit}.r1cs`),
    path.join(dir, `${circuit}_final.zkey`), path.join(dir, 'proofs', `witness_${k}.wtns`), out, String(seed)]);
  return {
    out,
    proof: JSON.parse(fs.readFileSync(path.join(out, 'proof.json'), 'utf8')),
    publicSignals: JSON.parse(fs.readFileSync(path.join(out, 'public.json'), 'utf8')),
  };
}

for (const circuit of ['dot2', 'lt', 'mlp']) {
  test(`snarkjs verifies Java proofs of ${circuit}`, async () => {
    const vk = JSON.parse(fs.readFileSync(path.join(vectors, circuit, 'verification_key.json'), 'utf8'));
    for (const k of circuit === 'mlp' ? [1, 3] : [1, 2, 3, 4, 5]) {
      const { proof, publicSignals } = proveWithJava(circuit, k, 100 + k);
      const expectedPublic = JSON.parse(fs.readFileSync(path.join(vectors, circuit, 'proofs', `public_${k}.json`), 'utf8'));
      assert.deepEqual(publicSignals, expectedPublic);
      assert.equal(await snarkjs.groth16.verify(vk, publicSignals, proof), true, `${circuit} witness ${k}`);
      // sanity: snarkjs rejects our proof for other public signals
      const tampered = [...publicSignals];
      tampered[0] = (BigInt(tampered[0]) + 1n).toString();
      assert.equal(await snarkjs.groth16.verify(vk, tampered, proof), false);
    }
  });
}

test('the snarkjs CLI verifies a Java proof of mlp', () => {
  const { out } = proveWithJava('mlp', 2, 7);
  const r = snarkjsCli(['groth16', 'verify', path.join(vectors, 'mlp', 'verification_key.json'),
    path.join(out, 'public.json'), path.join(out, 'proof.json')]);
  assert.equal(r.code, 0, r.output);
  assert.match(r.output, /OK/);
});


for (const [circuit, ptau] of [['dot2', 'pot12_final.ptau'], ['lt', 'pot12_final.ptau'], ['lt', '-']]) {
  test(`snarkjs verifies a ${circuit} proof under a key from our ${ptau === '-' ? 'test-only' : 'ptau + phase-2'} setup`, async () => {
    const out = path.join(work, `setup_${circuit}_${ptau}`);
    const dir = path.join(vectors, circuit);
    java('io.zklayer.zk.interop.ProveDriver', ['setup', path.join(dir, `${circuit}.r1cs`),
      ptau === '-' ? '-' : path.join(vectors, 'ptau', ptau), path.join(dir, 'proofs', 'witness_1.wtns'), out, '42']);
    const vk = JSON.parse(fs.readFileSync(path.join(out, 'verification_key.json'), 'utf8'));
    const proof = JSON.parse(fs.readFileSync(path.join(out, 'proof.json'), 'utf8'));
    const publicSignals = JSON.parse(fs.readFileSync(path.join(out, 'public.json'), 'utf8'));
    assert.equal(vk.nPublic, publicSignals.length);
    assert.equal(await snarkjs.groth16.verify(vk, publicSignals, proof), true);
    const snarkjsVk = JSON.parse(fs.readFileSync(path.join(dir, 'verification_key.json'), 'utf8'));
    assert.equal(await snarkjs.groth16.verify(snarkjsVk, publicSignals, proof), false, 'a proof for our key must not verify under snarkjs\'s key');
    const cli = snarkjsCli(['groth16', 'verify', path.join(out, 'verification_key.json'), path.join(out, 'public.json'), path.join(out, 'proof.json')]);
    assert.equal(cli.code, 0, cli.output);
  });
}
