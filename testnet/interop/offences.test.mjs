// Interop of the Offences pallet with @polkadot/api 16.5.6 and @polkadot/util-crypto: a GRANDPA vote
// equivocation is made and signed entirely in JavaScript (the vote payload built from Substrate's own
// types, ed25519 signatures by the keyring's //Alice), encoded by polkadot.js from the node's metadata as
// offences.reportEquivocation, validated by the Java node's pool, included, and its events decode. The
// report id the runtime stores is recomputed here with blake2b. Evidence with a forged signature, and a
// second report of the same offence, are refused by the pool with the pallet's error names.
// The node is io.zklayer.node.cli.ZklayerCli --dev from $ZKLAYER_CP (see dev-node.mjs).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { startDevNode } from './dev-node.mjs'

let node
let api
let alice
let bob

before(async () => {
  await cryptoWaitReady()
  node = await startDevNode()
  const keyring = new Keyring({ type: 'ed25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
  api = await ApiPromise.create({ provider: new WsProvider(node.ws), throwOnUnknown: true })
})

after(async () => {
  await api?.disconnect()
  await node?.stop()
})

/** The bytes a GRANDPA voter signs: Message index (Prevote = 0), the vote, round u64, set id u64. */
function payload (kind, targetHash, targetNumber, round, setId) {
  const vote = api.registry.createType('GrandpaPrevote', { targetHash, targetNumber })
  return u8aConcat(new Uint8Array([kind]), vote.toU8a(), api.registry.createType('u64', round).toU8a(),
    api.registry.createType('u64', setId).toU8a())
}

/** Two prevotes by //Alice for different blocks #1 in `round` of set `setId`; `signRound` forges the second. */
function twoPrevotes (setId, round, signRound = round) {
  const vote = (seed, r) => {
    const targetHash = u8aToHex(blake2AsU8a(`fork ${seed} ${round}`))
    return { targetHash, targetNumber: 1, signature: u8aToHex(alice.sign(payload(0, targetHash, 1, r, setId))) }
  }
  return {
    Vote: {
      setId,
      equivocation: { Prevote: { roundNumber: round, identity: alice.address, first: vote('a', round), second: vote('b', signRound) } }
    }
  }
}

function submitAndFinalize (tx, signer) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not finalized within 60 s')), 60000)
    tx.signAndSend(signer, result => {
      if (result.status.isFinalized) {
        clearTimeout(timer)
        resolve(result)
      } else if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        clearTimeout(timer)
        reject(new Error(`transaction ${result.status.type}`))
      }
    }).catch(e => { clearTimeout(timer); reject(e) })
  })
}

test('a vote equivocation signed by polkadot.js is reported, included and punished, and its events decode', async () => {
  assert.ok(api.tx.offences?.reportEquivocation, 'the metadata has offences.reportEquivocation')
  const setId = (await api.query.session.currentEpoch()).toNumber()
  const round = 7
  const tx = api.tx.offences.reportEquivocation(twoPrevotes(setId, round))
  assert.equal(tx.method.args[0].isVote, true)
  assert.equal(tx.method.args[0].asVote.equivocation.asPrevote.roundNumber.toNumber(), round)

  const result = await submitAndFinalize(tx, bob)

  const names = result.events.map(({ event }) => `${event.section}.${event.method}`)
  assert.ok(names.includes('offences.EquivocationReported'), names.join(' '))
  const reported = result.events.find(({ event }) => api.events.offences.EquivocationReported.is(event)).event
  assert.equal(reported.data.kind.toString(), 'Vote')
  assert.equal(reported.data.offender.toString(), alice.address)
  assert.equal(reported.data.reporter.toString(), bob.address)
  const id = blake2AsU8a(u8aConcat(new Uint8Array([1]), alice.publicKey,
    api.registry.createType('u64', setId).toU8a(), api.registry.createType('u64', round).toU8a()))
  assert.equal(reported.data.reportId.toHex(), u8aToHex(id), 'report id = blake2b-256(1 ++ offender ++ set ++ round)')
  const removed = result.events.find(({ event }) => api.events.offences.ValidatorRemoved.is(event)).event
  assert.equal(removed.data.removal.toString(), 'Suspended', 'a genesis validator has no bond: it is suspended')
  const stored = await api.query.offences.reports.at(result.status.asFinalized, id)
  assert.ok(stored.isSome, 'the report is recorded')
  assert.equal(stored.unwrap().toNumber(), setId)

  await assert.rejects(api.tx.offences.reportEquivocation(twoPrevotes(setId, round)).signAndSend(alice),
    /DuplicateReport/, 'the same offence again is refused by the pool')
})

test('evidence with a forged signature is refused by the pool naming the pallet error', async () => {
  const setId = (await api.query.session.currentEpoch()).toNumber()
  await assert.rejects(api.tx.offences.reportEquivocation(twoPrevotes(setId, 8, 9)).signAndSend(bob),
    /InvalidSignature/)
})
