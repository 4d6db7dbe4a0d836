import { describe, expect, test } from '@jest/globals'
import { issueMarker, readIssueMarker, type ItemIdentity } from '../../src/plan/issue-marker.js'
import { identity } from './fixtures.js'

const PREFIX = '<!-- minutes-automation:action-item:'
const SUFFIX = ' -->'

const base = identity('platform', ['alice', 'bob'], 'Ask Vexxhost about quotas')

function markerOf(value: unknown): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(value), 'utf8').toString('base64')}${SUFFIX}`
}

/** The encoded part between the delimiters. */
function payload(marker: string): string {
  expect(marker.startsWith(PREFIX)).toBe(true)
  expect(marker.endsWith(SUFFIX)).toBe(true)
  return marker.slice(PREFIX.length, -SUFFIX.length)
}

describe('issueMarker / readIssueMarker', () => {
  test('the marker is an HTML comment with base64 JSON', () => {
    const marker = issueMarker(base)
    expect(marker).toBe(markerOf(base))
    expect(payload(marker)).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(JSON.parse(Buffer.from(payload(marker), 'base64').toString('utf8'))).toEqual(base)
  })

  test('round-trips', () => {
    expect(readIssueMarker(issueMarker(base))).toEqual(base)
    const noOwners: ItemIdentity = { v: 1, id: 'abcdef012345', series: '(root)', owners: [], text: '' }
    expect(readIssueMarker(issueMarker(noOwners))).toEqual(noOwners)
    // Markers since the dashboard also keep the meeting's date and the due date; older ones are as valid.
    const dated: ItemIdentity = { ...base, date: '2026-11-19', due: '2026-12-01' }
    expect(readIssueMarker(issueMarker(dated))).toEqual(dated)
    expect(readIssueMarker(issueMarker({ ...base, date: 'soon' }))).toBeNull()
  })

  test('found inside other text, first marker wins', () => {
    const other = identity('ops', ['carol'], 'Rotate keys')
    const body = `Some text by hand\n\n${issueMarker(base)}\n**Action item** …\n${issueMarker(other)}\n`
    expect(readIssueMarker(body)).toEqual(base)
    expect(readIssueMarker(`prefix${issueMarker(other)}suffix`)).toEqual(other)
  })

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['no marker', 'An issue made by hand'],
    ['prefix without end', `${PREFIX}${payload(issueMarker(base))}`],
    ['garbage base64', `${PREFIX}!!!not*base64$$${SUFFIX}`],
    ['empty payload', `${PREFIX}${SUFFIX}`],
    ['valid base64 of invalid JSON', `${PREFIX}${Buffer.from('{"v":1,', 'utf8').toString('base64')}${SUFFIX}`],
    ['JSON that is not an object', markerOf([1, 2, 3])],
    ['JSON string', markerOf('hello')],
  ])('%s → null', (_name, body) => {
    expect(readIssueMarker(body)).toBeNull()
  })

  test.each([
    ['an extra key', { ...base, extra: true }],
    ['wrong v', { ...base, v: 2 }],
    ['v as a string', { ...base, v: '1' }],
    ['a bad id (not 12 hex digits)', { ...base, id: 'XYZ' }],
    ['an upper-case id', { ...base, id: 'ABCDEF012345' }],
    ['a 13-digit id', { ...base, id: 'abcdef0123456' }],
    ['a missing series', { v: 1, id: base.id, owners: base.owners, text: base.text }],
    ['owners not strings', { ...base, owners: [1] }],
    ['an empty owner', { ...base, owners: [''] }],
    ['text over 4000 characters', { ...base, text: 'x'.repeat(4001) }],
  ])('JSON with %s → null', (_name, value) => {
    expect(readIssueMarker(markerOf(value))).toBeNull()
    expect(readIssueMarker(`text before\n${markerOf(value)}\ntext after`)).toBeNull()
  })

  test('text of 4000 characters is still valid', () => {
    const long = { ...base, text: 'x'.repeat(4000) }
    expect(readIssueMarker(issueMarker(long))).toEqual(long)
  })

  test('hostile text with `-->`, `<!--` and a forged marker survives the round trip', () => {
    const forged = issueMarker(identity('ops', ['mallory'], 'forged'))
    const hostile = identity('platform', ['alice'], `end --> now <!-- again ${forged} </details> -- --- ----> ${SUFFIX}`)
    const marker = issueMarker(hostile)
    expect(readIssueMarker(marker)).toEqual(hostile)
    expect(readIssueMarker(`${marker}\nmore`)).toEqual(hostile)
    // Nothing of the text shows: one comment opener, one closer, and no `--` but the delimiters'.
    expect(marker.split('<!--')).toHaveLength(2)
    expect(marker.split('-->')).toHaveLength(2)
    expect(payload(marker)).not.toContain('--')
    expect(payload(marker)).not.toMatch(/[<>]/)
  })

  test('the payload never holds `>`, so no text can close the comment', () => {
    for (const text of ['-->', '--!>', '>>>', '🎉'.repeat(33), 'ÿþ'.repeat(40)]) {
      expect(payload(issueMarker(identity('s', [], text)))).not.toMatch(/[<>!\s]/)
    }
  })

  // Standard base64 has no `-` at all (base64url would: `xx↗️` encodes to `…--…`), so the
  // payload never holds the `--` that HTML comments forbid.
  test('the payload holds no `--` even for emoji with a variation selector', () => {
    const marker = issueMarker({ v: 1, id: '0123456789ab', series: 'platform', owners: ['alice'], text: 'xx↗️' })
    expect(payload(marker)).not.toContain('--')
  })
})
