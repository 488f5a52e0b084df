// Interop: @polkadot/api 16.5.6 (the most used Substrate client) against a Java dev node. It reads
// the runtime metadata (V15 through the Metadata runtime API), decodes storage, events, headers and
// blocks with it, and signs and submits extrinsics with an ed25519 //Alice. Run by run.sh; the node is
// io.zklayer.node.cli.ZklayerCli --dev from $ZKLAYER_CP (see dev-node.mjs).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { ApiPromise, WsProvider, HttpProvider } from '@polkadot/api'
import { Metadata, TypeRegistry } from '@polkadot/types'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { startDevNode } from './dev-node.mjs'

const ALICE = '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu'
// Warnings that say nothing about types: our own zklayer_* RPC methods, which polkadot.js has no
// definitions for, and the HTTP provider's lack of subscriptions.
const EXPECTED_WARNINGS = [
  /RPC methods not decorated: zklayer_\w+(, zklayer_\w+)*$/,
  /limited mode since the provider does not support subscriptions/
]

let node
let api
let alice
let bob
let charlie

// Creates an ApiPromise while recording every console.warn; returns the api and the warnings.
async function createApi (provider, options = {}) {
  const warnings = []
  const original = console.warn
  console.warn = (...args) => { warnings.push(args.map(a => (a instanceof Error ? a.message : String(a))).join(' ')) }
  try {
    const created = await ApiPromise.create({ provider, throwOnUnknown: true, ...options })
    await created.isReady
    return { api: created, warnings }
  } finally {
    console.warn = original
  }
}

function unexpected (warnings) {
  return warnings.filter(w => !EXPECTED_WARNINGS.some(re => re.test(w)))
}

// Signs and submits, resolving with the statuses seen and the result at finalization.
function submitAndFinalize (tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    const statuses = []
    const timer = setTimeout(() => reject(new Error(`not finalized within 60 s; statuses ${statuses}`)), 60000)
    tx.signAndSend(signer, options, result => {
      statuses.push(result.status.type)
      if (result.status.isFinalized) {
        clearTimeout(timer)
        resolve({ statuses, result })
      } else if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        clearTimeout(timer)
        reject(new Error(`transaction ${result.status.type}`))
      }
    }).catch(e => { clearTimeout(timer); reject(e) })
  })
}

function eventNames (result) {
  return result.events.map(({ event }) => `${event.section}.${event.method}`)
}

before(async () => {
  await cryptoWaitReady()
  node = await startDevNode()
  const keyring = new Keyring({ type: 'ed25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
  charlie = keyring.addFromUri('//Charlie')
})

after(async () => {
  await api?.disconnect()
  await node?.stop()
})

test('ApiPromise.create over WebSocket reads the metadata with no warnings about types', async () => {
  const created = await createApi(new WsProvider(node.ws))
  api = created.api
  assert.equal(unexpected(created.warnings).join('\n'), '', `all warnings: ${created.warnings.join('\n')}`)
  assert.equal(api.runtimeMetadata.version, 15, 'the V15 metadata from Metadata_metadata_at_version')
  assert.equal(api.genesisHash.toHex(), await node.rpc('chain_getBlockHash', [0]))
  assert.equal(api.runtimeVersion.specName.toString(), 'zklayer')
  const pallets = api.runtimeMetadata.asLatest.pallets.map(p => `${p.index.toNumber()}:${p.name.toString()}`)
  for (const p of ['0:System', '1:Timestamp', '2:Session', '3:Balances', '4:TransactionPayment', '5:Sudo']) {
    assert.ok(pallets.includes(p), `${p} in ${pallets}`)
  }
  assert.deepEqual(api.registry.signedExtensions, ['CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion',
    'CheckGenesis', 'CheckMortality', 'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment'])
  assert.equal(alice.address, ALICE, 'ed25519 //Alice is the node\'s dev account')
  assert.equal(api.consts.balances.existentialDeposit.toBigInt() > 0n, true)
  assert.equal(typeof api.call.accountNonceApi.accountNonce, 'function')
  assert.equal(typeof api.call.transactionPaymentApi.queryInfo, 'function')
  const version = await api.call.core.version()
  assert.equal(version.specName.toString(), 'zklayer')
})

test('ApiPromise.create over HTTP succeeds with no warnings about types and reads storage', async () => {
  const { api: overHttp, warnings } = await createApi(new HttpProvider(node.http))
  try {
    assert.equal(unexpected(warnings).join('\n'), '', `all warnings: ${warnings.join('\n')}`)
    assert.equal(overHttp.genesisHash.toHex(), api.genesisHash.toHex())
    const account = await overHttp.query.system.account(ALICE)
    assert.ok(account.data.free.toBigInt() > 0n)
    const header = await overHttp.rpc.chain.getHeader()
    assert.equal(header.hash.toHex(), await node.rpc('chain_getBlockHash', [header.number.toNumber()]))
  } finally {
    await overHttp.disconnect()
  }
})

test('the V14 metadata of state_getMetadata decodes as the V15 one and serves an api without warnings', async () => {
  const v14 = await node.rpc('state_getMetadata')
  const registry = new TypeRegistry()
  const metadata = new Metadata(registry, v14)
  assert.equal(metadata.version, 14)
  const latest = api.runtimeMetadata.asLatest
  assert.deepEqual(metadata.asLatest.pallets.map(p => p.name.toString()), latest.pallets.map(p => p.name.toString()))
  assert.equal(metadata.asLatest.lookup.types.length, latest.lookup.types.length)
  assert.equal(metadata.asLatest.lookup.toHex(), latest.lookup.toHex(), 'one type registry in both versions')
  // an api built on the V14 metadata finds the runtime APIs by the ids and versions in the runtime version
  const key = `${api.genesisHash.toHex()}-${api.runtimeVersion.specVersion.toString()}`
  const { api: onV14, warnings } = await createApi(new WsProvider(node.ws), { metadata: { [key]: v14 } })
  try {
    assert.equal(unexpected(warnings).join('\n'), '', `all warnings: ${warnings.join('\n')}`)
    assert.equal(onV14.runtimeMetadata.version, 14)
    const nonce = await onV14.call.accountNonceApi.accountNonce(ALICE)
    assert.equal(nonce.toNumber(), (await api.query.system.account(ALICE)).nonce.toNumber())
    const info = await onV14.tx.balances.transferKeepAlive(bob.address, 1n).paymentInfo(alice)
    assert.ok(info.partialFee.toBigInt() > 0n)
  } finally {
    await onV14.disconnect()
  }
})

test('api.query.system.account(alice) has the numbers the node stores', async () => {
  const hash = await node.rpc('chain_getFinalizedHead')
  const account = await api.query.system.account.at(hash, ALICE)
  const key = api.query.system.account.key(ALICE)
  const raw = await node.rpc('state_getStorage', [key, hash])
  assert.ok(raw, `the node stores ${key}`)
  assert.equal(account.toHex(), raw)
  // AccountInfo is nonce, consumers, providers, sufficients (u32 LE), then free, reserved, frozen, flags (u128 LE)
  const bytes = Buffer.from(raw.slice(2), 'hex')
  const u128 = off => { let v = 0n; for (let i = 15; i >= 0; i--) v = (v << 8n) | BigInt(bytes[off + i]); return v }
  assert.equal(account.nonce.toNumber(), bytes.readUInt32LE(0))
  assert.equal(account.providers.toNumber(), bytes.readUInt32LE(8))
  assert.equal(account.data.free.toBigInt(), u128(16))
  assert.equal(account.data.reserved.toBigInt(), u128(32))
  assert.equal(account.data.frozen.toBigInt(), u128(48))
})

test('balances.transferKeepAlive signed by ed25519 //Alice reaches finalized and its events decode', async () => {
  const amount = 1_234_567_890_000n
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt()
  const tx = api.tx.balances.transferKeepAlive(bob.address, amount)
  const info = await tx.paymentInfo(alice)
  const { statuses, result } = await submitAndFinalize(tx, alice)
  // InBlock may be skipped: the dev node finalizes on import and polkadot.js drops a status whose events
  // it is still fetching when the next arrives (switchMap)
  assert.equal(statuses[0], 'Ready', `${statuses}`)
  assert.equal(statuses.at(-1), 'Finalized', `${statuses}`)
  const names = eventNames(result)
  assert.ok(names.includes('balances.Transfer'), `${names}`)
  assert.ok(names.includes('system.ExtrinsicSuccess'), `${names}`)
  const transfer = result.events.find(({ event }) => api.events.balances.Transfer.is(event)).event
  assert.equal(transfer.data.from.toString(), ALICE)
  assert.equal(transfer.data.to.toString(), bob.address)
  assert.equal(transfer.data.amount.toBigInt(), amount)
  const feePaid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event)).event
  assert.equal(feePaid.data.actualFee.toBigInt(), info.partialFee.toBigInt(), 'paymentInfo (TransactionPaymentApi) equals the fee paid')
  const after = (await api.query.system.account.at(result.status.asFinalized, bob.address)).data.free.toBigInt()
  assert.equal(after - before, amount)
  // the block holds the extrinsic as polkadot.js encoded it, and it decodes back
  const block = await api.rpc.chain.getBlock(result.status.asFinalized)
  const ours = block.block.extrinsics.find(x => x.hash.toHex() === tx.hash.toHex())
  assert.ok(ours, 'the extrinsic is in the block')
  assert.equal(ours.method.section, 'balances')
  assert.equal(ours.method.method, 'transferKeepAlive')
  assert.ok(ours.era.isMortalEra, 'signAndSend uses a mortal era by default')
  assert.equal(block.block.extrinsics[0].method.section, 'timestamp')
})

test('an immortal transaction with the nonce from AccountNonceApi is accepted', async () => {
  const nonce = await api.call.accountNonceApi.accountNonce(charlie.address)
  assert.equal(nonce.toNumber(), (await api.query.system.account(charlie.address)).nonce.toNumber())
  const tx = api.tx.system.remarkWithEvent('hello from polkadot.js')
  const { result } = await submitAndFinalize(tx, charlie, { era: 0, nonce: -1 })
  assert.ok(eventNames(result).includes('system.Remarked'), `${eventNames(result)}`)
  const block = await api.rpc.chain.getBlock(result.status.asFinalized)
  const ours = block.block.extrinsics.find(x => x.hash.toHex() === tx.hash.toHex())
  assert.ok(ours.era.isImmortalEra)
})

test('a nested sudo call encodes through RuntimeCall and a failed call decodes its module error', async () => {
  const inner = api.tx.balances.forceSetBalance(charlie.address, 5_000_000_000_000n)
  const { result } = await submitAndFinalize(api.tx.sudo.sudo(inner), alice)
  const sudid = result.events.find(({ event }) => api.events.sudo.Sudid.is(event)).event
  assert.ok(sudid.data.sudoResult.isOk, `${sudid.data.sudoResult}`)
  assert.equal((await api.query.system.account(charlie.address)).data.free.toBigInt(), 5_000_000_000_000n)

  const { result: failed } = await submitAndFinalize(api.tx.sudo.sudo(inner), bob)
  const failure = failed.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event))
  assert.ok(failure, `${eventNames(failed)}`)
  const dispatchError = failure.event.data.dispatchError
  assert.ok(dispatchError.isModule)
  const meta = api.registry.findMetaError(dispatchError.asModule)
  assert.equal(`${meta.section}.${meta.name}`, 'sudo.RequireSudo')
})

test('chain.subscribeNewHeads delivers headers whose hashes equal the node\'s', async () => {
  const headers = []
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(h => headers.push(h))
  const deadline = Date.now() + 30000
  while (headers.length < 2 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100))
  unsubscribe()
  assert.ok(headers.length >= 2, `got ${headers.length} headers`)
  for (const h of headers) {
    assert.equal(h.hash.toHex(), await node.rpc('chain_getBlockHash', [h.number.toNumber()]))
    assert.ok(h.digest.logs.some(log => log.isPreRuntime), 'the slot pre-runtime digest decodes')
    assert.ok(h.digest.logs.some(log => log.isSeal), 'the seal decodes')
  }
  assert.equal(headers[1].parentHash.toHex(), headers[0].hash.toHex())
})

test('a ZKLayer call, inference.submitWorkload signed by polkadot.js, is included and its events decode', async t => {
  if (!api.tx.inference) {
    t.skip('this runtime has no Inference pallet yet')
    return
  }
  // the first registered model, if the chain has one (its ModelInfo decodes through the metadata)
  const models = api.query.models ? await api.query.models.models.entries() : []
  const maxPrice = 1_000_000_000_000n
  let modelId = 4_000_000_000
  let input = '0x00'
  if (models.length > 0) {
    const [key, value] = models[0]
    const info = value.unwrap ? value.unwrap() : value
    modelId = key.args[0].toNumber()
    const size = info.io.input.shape.reduce((a, d) => a * d.toNumber(), 1)
    const min = info.io.input.min.toNumber()
    // hex, not a Uint8Array: polkadot.js reads a Uint8Array given for Bytes as already length-prefixed
    input = '0x' + (min > 0 ? min : 0).toString(16).padStart(2, '0').repeat(size)
  }
  const tx = api.tx.inference.submitWorkload(modelId, { Inline: { bytes: input } }, maxPrice, 20)
  assert.equal(tx.method.section, 'inference')
  assert.equal(tx.method.args[1].asInline.bytes.length, (input.length - 2) / 2)
  const { result } = await submitAndFinalize(tx, alice)
  const names = eventNames(result)
  if (models.length > 0) {
    const failure = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event))
    const why = failure ? api.registry.findMetaError(failure.event.data.dispatchError.asModule) : null
    assert.ok(names.includes('inference.WorkloadSubmitted'), `${names} ${why ? `${why.section}.${why.name}` : ''}`)
    const submitted = result.events.find(({ event }) => api.events.inference.WorkloadSubmitted.is(event)).event
    assert.equal(submitted.data.owner.toString(), ALICE)
    assert.equal(submitted.data.model.toNumber(), modelId)
    assert.equal(submitted.data.maxPrice.toBigInt(), maxPrice)
    // the workload as stored (a hand-written codec, described field by field in the metadata)
    const stored = await api.query.inference.workloads.at(result.status.asFinalized, submitted.data.id)
    const workload = stored.unwrap ? stored.unwrap() : stored
    assert.equal(workload.owner.toString(), ALICE)
    assert.equal(workload.model.toNumber(), modelId)
    assert.equal(workload.input.asInline.bytes.toHex(), input)
  } else {
    const failure = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event))
    assert.ok(failure, `${names}`)
    const meta = api.registry.findMetaError(failure.event.data.dispatchError.asModule)
    assert.equal(`${meta.section}.${meta.name}`, 'inference.UnknownModel')
  }
})
