// Launches io.zklayer.p2p.interop.InteropPeer (p2p test classes) and talks to it by lines:
// commands on stdin, events on stdout. Used by libp2p.test.mjs.
import { spawn } from 'node:child_process'
import readline from 'node:readline'

export async function startJavaPeer () {
  if (!process.env.ZKLAYER_CP) throw new Error('ZKLAYER_CP is not set; run through run.sh')
  const child = spawn('java', ['-cp', process.env.ZKLAYER_CP, 'io.zklayer.p2p.interop.InteropPeer'], {
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const lines = []
  const waiters = []
  let stderr = ''
  child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-20000) })
  readline.createInterface({ input: child.stdout }).on('line', line => {
    lines.push(line)
    for (const w of [...waiters]) w()
  })

  // Resolves with the first line (after the last consumed one when `fresh`) that matches.
  function waitLine (predicate, timeoutMs = 15000, fresh = false) {
    const start = fresh ? lines.length : 0
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.slice(start).find(predicate)
        if (found != null) {
          waiters.splice(waiters.indexOf(check), 1)
          clearTimeout(timer)
          resolve(found)
        }
      }
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1)
        reject(new Error(`Java peer: no matching line within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`))
      }, timeoutMs)
      waiters.push(check)
      check()
    })
  }

  const listening = await waitLine(l => l.startsWith('listening '), 30000)
  const address = listening.split(' ')[1]
  return {
    address,
    peerId: address.split('/p2p/')[1],
    waitLine,
    send: line => child.stdin.write(line + '\n'),
    stop: async () => {
      child.stdin.end('quit\n')
      await new Promise(resolve => {
        const t = setTimeout(() => { child.kill('SIGKILL'); resolve() }, 5000)
        child.on('exit', () => { clearTimeout(t); resolve() })
      })
    }
  }
}
