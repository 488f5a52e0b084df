// Helpers for snarkjs.test.mjs: run the Java drivers of the zk module and snarkjs checks.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const root = process.env.ZKLAYER_ROOT ?? path.resolve(import.meta.dirname ?? '.', '../..');
export const vectors = path.resolve(root, '../shared/vectors/snarkjs');

/** Runs `java -cp $ZKLAYER_CP <mainClass> ...args` and returns its stdout; throws on a non-zero exit. */
export function java(mainClass, args) {
  const cp = process.env.ZKLAYER_CP;
  if (!cp) throw new Error('ZKLAYER_CP is not set (run through testnet/interop/run.sh)');
  return execFileSync('java', ['-cp', cp, mainClass, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Runs the snarkjs CLI from node_modules and returns {code, output}. */
export function snarkjsCli(args) {
  const cli = path.resolve(import.meta.dirname ?? '.', 'node_modules/snarkjs/build/cli.cjs');
  try {
    const out = execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output: out };
  } catch (e) {
    return { code: e.status, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
