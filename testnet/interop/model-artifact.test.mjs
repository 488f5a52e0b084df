// Interop: a model artifact made by `zklayer model package` (circuit .r1cs, proving key .zkey,
// verification_key.json) and a proof made by `zklayer model prove`, checked by snarkjs 0.7.6:
// snarkjs reads our circuit, checks our witness against it, verifies our proof, proves with our
// proving key, and exports from it the same verifying key we wrote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { java, root, snarkjsCli } from './snarkjs-driver.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-artifact-'));
const iris = path.join(root, 'chain-node/src/test/resources/data/iris.csv');
const art = path.join(work, 'artifact');
const proofDir = path.join(work, 'proof');

function zklayer(args) {
  return java('io.zklayer.node.cli.ZklayerCli', args);
}

before(() => {
  zklayer(['model', 'train', '--data', iris, '--feature-scale', '10', '--hidden', '8', '--seed', '1', '--out', path.join(work, 'iris')]);
  zklayer(['model', 'package', '--model', path.join(work, 'iris'), '--name', 'iris', '--out', art]);
  zklayer(['model', 'prove', '--artifact', art, '--sample', '0', '--data', iris, '--feature-scale', '10', '--out', proofDir,
    '--wtns', '--key-cache', path.join(work, 'keys')]);
});

after(async () => {
  if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate();
  fs.rmSync(work, { recursive: true, force: true });
});

const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

test('snarkjs verifies the proof of `zklayer model prove` under the artifact verifying key', async () => {
  const vk = read(path.join(art, 'verification_key.json'));
  const pub = read(path.join(proofDir, 'public.json'));
  assert.equal(pub.length, 3);
  assert.equal(await snarkjs.groth16.verify(vk, pub, read(path.join(proofDir, 'proof.json'))), true);
  const tampered = [...pub];
  tampered[0] = (BigInt(tampered[0]) + 1n).toString();
  assert.equal(await snarkjs.groth16.verify(vk, tampered, read(path.join(proofDir, 'proof.json'))), false);
});

test('snarkjs reads the artifact circuit and accepts the witness', () => {
  const info = snarkjsCli(['r1cs', 'info', path.join(art, 'circuit.r1cs')]);
  assert.equal(info.code, 0, info.output);
  const manifest = read(path.join(art, 'manifest.json'));
  assert.match(info.output, new RegExp(`# of Constraints: ${manifest.circuit.constraints}`));
  const check = snarkjsCli(['wtns', 'check', path.join(art, 'circuit.r1cs'), path.join(proofDir, 'witness.wtns')]);
  assert.equal(check.code, 0, check.output);
  assert.match(check.output, /WITNESS IS CORRECT/);
});

test('snarkjs proves with the artifact proving key and its proof verifies under our verifying key', async () => {
  const { proof, publicSignals } = await snarkjs.groth16.prove(path.join(art, 'proving_key.zkey'), path.join(proofDir, 'witness.wtns'));
  assert.deepEqual(publicSignals, read(path.join(proofDir, 'public.json')));
  assert.equal(await snarkjs.groth16.verify(read(path.join(art, 'verification_key.json')), publicSignals, proof), true);
});

test('the verifying key snarkjs exports from our proving key is the one we wrote', async () => {
  const exported = await snarkjs.zKey.exportVerificationKey(path.join(art, 'proving_key.zkey'));
  const ours = read(path.join(art, 'verification_key.json'));
  for (const field of ['nPublic', 'vk_alpha_1', 'vk_beta_2', 'vk_gamma_2', 'vk_delta_2', 'vk_alphabeta_12', 'IC']) {
    assert.deepEqual(exported[field], ours[field], field);
  }
});
