// Interop of the consensus module's GRANDPA formats with @polkadot/types 16.5.6: a justification,
// a vote equivocation proof and an authorship equivocation proof made in Java are decoded with
// Substrate's type definitions (GrandpaJustification, GrandpaEquivocationProof, BabeEquivocationProof
// = sp_consensus_slots::EquivocationProof), re-encoded byte for byte, and every ed25519 signature is
// checked here over the vote payload built from Substrate's own types:
// (Message::Prevote|Precommit(target), round u64, set_id u64).
// The Java side is io.zklayer.consensus.finality.FinalityInteropDriver from the consensus test classes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TypeRegistry } from '@polkadot/types'
import { u8aConcat } from '@polkadot/util'
import { ed25519Verify, cryptoWaitReady } from '@polkadot/util-crypto'
import { java } from './snarkjs-driver.mjs'

const registry = new TypeRegistry()
const doc = JSON.parse(java('io.zklayer.consensus.finality.FinalityInteropDriver', []))

/** The bytes a GRANDPA voter signs: the Message enum (Prevote = 0, Precommit = 1), then round and set id. */
function payload (kind, target, round, setId) {
  const vote = registry.createType('GrandpaPrecommit', { targetHash: target.hash, targetNumber: target.number })
  return u8aConcat(new Uint8Array([kind]), vote.toU8a(), registry.createType('u64', round).toU8a(),
    registry.createType('u64', setId).toU8a())
}

test('a Java justification decodes as Substrate GrandpaJustification and its signatures verify', async () => {
  await cryptoWaitReady()
  const j = registry.createType('GrandpaJustification', doc.justification)
  assert.equal(j.toHex(), doc.justification, 're-encodes to the same bytes')
  assert.equal(j.round.toNumber(), doc.round)
  assert.equal(j.commit.targetHash.toHex(), doc.target.hash)
  assert.equal(j.commit.targetNumber.toNumber(), doc.target.number)
  assert.equal(j.commit.precommits.length, doc.precommits.length)
  j.commit.precommits.forEach((p, i) => {
    const expected = doc.precommits[i]
    assert.equal(p.precommit.targetHash.toHex(), expected.target.hash)
    assert.equal(p.precommit.targetNumber.toNumber(), expected.target.number)
    assert.equal(p.id.toHex(), expected.id)
    assert.equal(p.signature.toHex(), expected.signature)
    assert.ok(ed25519Verify(payload(1, expected.target, doc.round, doc.setId), p.signature.toU8a(), p.id.toU8a()),
      `precommit ${i} verifies over the Substrate payload`)
    assert.ok(!ed25519Verify(payload(1, expected.target, doc.round + 1, doc.setId), p.signature.toU8a(), p.id.toU8a()),
      `precommit ${i} does not verify for another round`)
  })
  assert.deepEqual(j.votesAncestries.map(h => h.hash.toHex()), doc.ancestries)
})

test('a Java vote equivocation decodes as Substrate GrandpaEquivocationProof with valid signatures', async () => {
  await cryptoWaitReady()
  const proof = registry.createType('GrandpaEquivocationProof', doc.voteEquivocation)
  assert.equal(proof.toHex(), doc.voteEquivocation)
  assert.equal(proof.setId.toNumber(), doc.setId)
  assert.ok(proof.equivocation.isPrevote)
  const value = proof.equivocation.asPrevote
  assert.equal(value.roundNumber.toNumber(), doc.round)
  assert.equal(value.identity.toHex(), doc.voteEquivocationOffender)
  const pairs = [[value.first, doc.voteEquivocationFirst], [value.second, doc.voteEquivocationSecond]]
  for (const [[vote, signature], expected] of pairs) {
    assert.equal(vote.targetHash.toHex(), expected.hash)
    assert.equal(vote.targetNumber.toNumber(), expected.number)
    assert.ok(ed25519Verify(payload(0, expected, doc.round, doc.setId), signature.toU8a(), value.identity.toU8a()))
  }
})

test('a Java authorship equivocation decodes as the slots EquivocationProof with both headers', () => {
  const proof = registry.createType('BabeEquivocationProof', doc.authorshipEquivocation)
  assert.equal(proof.toHex(), doc.authorshipEquivocation)
  assert.equal(proof.offender.toHex(), doc.offender)
  assert.equal(proof.slotNumber.toNumber(), doc.slot)
  assert.equal(proof.firstHeader.hash.toHex(), doc.firstHeaderHash)
  assert.equal(proof.secondHeader.hash.toHex(), doc.secondHeaderHash)
  assert.notEqual(doc.firstHeaderHash, doc.secondHeaderHash)
})
