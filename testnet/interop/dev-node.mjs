// Launches a Java dev node (`zklayer --dev`: //Alice authors every 2 s, each block final on import,
// RocksDB in a temporary directory) on a free RPC port, from the reactor's classes on $ZKLAYER_CP.
// Used by polkadot-api.test.mjs. The pool worker is off: these tests submit workloads but do not
// need them served, and a cold proving-key cache would delay RPC by the digits key setup.
import { spawn } from 'node:child_process'
import readline from 'node:readline'

export async function startDevNode () {
  if (!process.env.ZKLAYER_CP) throw new Error('ZKLAYER_CP is not set; run through run.sh')
  const child = spawn('java', ['-cp', process.env.ZKLAYER_CP, 'io.zklayer.node.cli.ZklayerCli',
    '--dev', '--rpc-port', '0', '--name', 'polkadot-interop', '--no-pool-worker'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let exited = null
  child.on('exit', code => { exited = code })
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev node did not open RPC within 60 s:\n${output}`)), 60000)
    const onLine = line => {
      output = (output + line + '\n').slice(-20000)
      const m = /JSON-RPC listening on http:\/\/[^:]+:(\d+)/.exec(line)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    }
    readline.createInterface({ input: child.stdout }).on('line', onLine)
    readline.createInterface({ input: child.stderr }).on('line', onLine)
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`dev node exited (${code}):\n${output}`)) })
  })
  const http = `http://127.0.0.1:${port}`

  // A plain JSON-RPC call, independent of @polkadot/api, to read the node's own answers.
  async function rpc (method, params = []) {
    const res = await fetch(http, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })
    })
    const body = await res.json()
    if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
    return body.result
  }

  return {
    ws: `ws://127.0.0.1:${port}`,
    http,
    rpc,
    log: () => output,
    stop: async () => {
      if (exited !== null) return
      child.kill('SIGTERM')
      await new Promise(resolve => {
        const t = setTimeout(() => { child.kill('SIGKILL'); resolve() }, 10000)
        child.on('exit', () => { clearTimeout(t); resolve() })
      })
    }
  }
}
