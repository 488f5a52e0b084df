// Interop of the Java libp2p host (p2p module) with js-libp2p 3.3.11: TCP + noise + yamux,
// identify, ping and gossipsub (StrictSign), each side dialling the other, on 127.0.0.1 only.
// Run by run.sh (node --import ./polyfill.mjs --test); the Java side is
// io.zklayer.p2p.interop.InteropPeer from the p2p test classes on $ZKLAYER_CP.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { startJavaPeer } from './libp2p-java-peer.mjs'

const TOPIC = 'zklayer-interop'
let java
let jsA
let jsB

async function jsNode () {
  return createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({ emitSelf: false })
    }
  })
}

async function waitFor (what, predicate, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await predicate()
    if (value) return value
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

before(async () => {
  java = await startJavaPeer()
  jsA = await jsNode()
  jsB = await jsNode()
})

after(async () => {
  await jsA?.stop()
  await jsB?.stop()
  await java?.stop()
})

test('js dials Java: noise authenticates the Java peer id and ping works', async () => {
  const conn = await jsA.dial(multiaddr(java.address))
  assert.equal(conn.remotePeer.toString(), java.peerId)
  const rtt = await jsA.services.ping.ping(multiaddr(java.address))
  assert.ok(rtt >= 0)
  await java.waitLine(l => l === `connected ${jsA.peerId}`)
})

test('identify over the js-dialled connection shows each side\'s protocols', async () => {
  const javaId = peerIdFromString(java.peerId)
  const peer = await waitFor('js identify of Java', async () => {
    const p = await jsA.peerStore.get(javaId).catch(() => null)
    return p != null && p.protocols.includes('/meshsub/1.1.0') ? p : null
  })
  for (const p of ['/ipfs/id/1.0.0', '/ipfs/id/push/1.0.0', '/ipfs/ping/1.0.0', '/meshsub/1.1.0', '/meshsub/1.0.0']) {
    assert.ok(peer.protocols.includes(p), `Java announces ${p}: ${peer.protocols}`)
  }
  java.send(`identify ${jsA.peerId}`)
  const line = await java.waitLine(l => l.startsWith(`identified ${jsA.peerId}`))
  const protocols = line.split(' ')[3].split(',')
  assert.ok(line.split(' ')[2].startsWith('js-libp2p/'), line)
  for (const p of ['/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/meshsub/1.2.0', '/meshsub/1.1.0']) {
    assert.ok(protocols.includes(p), `js announces ${p}: ${protocols}`)
  }
})

test('Java pings js over the js-dialled connection', async () => {
  java.send(`ping ${jsA.peerId}`)
  await java.waitLine(l => l.startsWith(`pong ${jsA.peerId}`))
})

test('gossip published on either side arrives signed on the other', async () => {
  const received = []
  jsA.services.pubsub.addEventListener('message', evt => {
    if (evt.detail.topic === TOPIC) received.push(evt.detail)
  })
  jsA.services.pubsub.subscribe(TOPIC)
  java.send(`subscribe ${TOPIC}`)
  await java.waitLine(l => l === `subscribed ${TOPIC}`)
  await waitFor('js to see Java on the topic', () =>
    jsA.services.pubsub.getSubscribers(TOPIC).map(String).includes(java.peerId))
  await waitFor('Java to see js on the topic', async () => {
    java.send(`peers ${TOPIC}`)
    const line = await java.waitLine(l => l.startsWith(`peers ${TOPIC}`), 2000, true)
    return line.includes(jsA.peerId.toString())
  })

  await jsA.services.pubsub.publish(TOPIC, new TextEncoder().encode('hello-from-js'))
  await java.waitLine(l => l === `message ${TOPIC} ${jsA.peerId} hello-from-js`)

  java.send(`publish ${TOPIC} hello-from-java`)
  await java.waitLine(l => l.startsWith(`published ${TOPIC}`))
  const msg = await waitFor('js to receive the Java message', () => received.find(m =>
    new TextDecoder().decode(m.data) === 'hello-from-java'))
  assert.equal(msg.type, 'signed')
  assert.equal(msg.from.toString(), java.peerId)
  assert.equal(msg.signature.length, 64)
})

test('Java dials js: identify, ping both ways and gossip over the Java-dialled connection', async () => {
  const address = jsB.getMultiaddrs()[0].toString()
  java.send(`dial ${address}`)
  await java.waitLine(l => l === `dialed ${jsB.peerId}`)
  java.send(`identify ${jsB.peerId}`)
  await java.waitLine(l => l.startsWith(`identified ${jsB.peerId}`) && l.includes('/ipfs/ping/1.0.0'))
  java.send(`ping ${jsB.peerId}`)
  await java.waitLine(l => l.startsWith(`pong ${jsB.peerId}`))
  const conns = jsB.getConnections(peerIdFromString(java.peerId))
  assert.equal(conns.length, 1)
  assert.equal(conns[0].direction, 'inbound')
  assert.ok(await jsB.services.ping.ping(peerIdFromString(java.peerId)) >= 0)

  const received = []
  jsB.services.pubsub.addEventListener('message', evt => {
    if (evt.detail.topic === TOPIC) received.push(evt.detail)
  })
  jsB.services.pubsub.subscribe(TOPIC)
  await waitFor('js B to see Java on the topic', () =>
    jsB.services.pubsub.getSubscribers(TOPIC).map(String).includes(java.peerId))
  await waitFor('Java to see js B on the topic', async () => {
    java.send(`peers ${TOPIC}`)
    const line = await java.waitLine(l => l.startsWith(`peers ${TOPIC}`), 2000, true)
    return line.includes(jsB.peerId.toString())
  })
  java.send(`publish ${TOPIC} second-from-java`)
  const msg = await waitFor('js B to receive the Java message', () => received.find(m =>
    new TextDecoder().decode(m.data) === 'second-from-java'))
  assert.equal(msg.from.toString(), java.peerId)
  await jsB.services.pubsub.publish(TOPIC, new TextEncoder().encode('second-from-js'))
  await java.waitLine(l => l === `message ${TOPIC} ${jsB.peerId} second-from-js`)
})
