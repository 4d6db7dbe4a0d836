import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { checkSource } from '../../src/check/check-source.js'
import { loadConfig } from '../../src/config/load-config.js'
import { indexRepository } from '../../src/repo/repo-index.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

const EXAMPLES = join(PROJECT_ROOT, 'examples/minutes-repo')
const SEEDS = ['community-call', 'platform', 'storage'].flatMap((folder) =>
  readdirSync(join(EXAMPLES, folder)).map((name) => readFileSync(join(EXAMPLES, folder, name), 'utf8')),
)
const PATHS = ['community-call/20261119.md', 'platform/20261118.md', 'team/20260230.md', 'community-call/19991231.md']
const config = { ...loadConfig(null), repository: 'acme/minutes' }
const index = indexRepository(['platform/20261118.md', 'storage/20261119.md', 'community-call/20261112.md'])

/** Markdown-ish fragments that stress the parser and the model. */
const fragment = fc.constantFrom(
  '# ', '## ', '### Team ', '#### ', '- ', '* ', '  - ', '1. ', '> ', '- [ ] ', '- [x] ', '```\n', '`', '**', '_', '|', '---\n',
  'Minutes:', 'Minutes: None yet', 'Minutes: https://github.com/acme/minutes/blob/main/platform/20261117.md',
  '[x](../platform/2026111.md)', '<https://github.com/acme/minutes/tree/a/b/c>', '2026-11-19', '2026-02–30', '9999-99-99',
  'AI @alice:', 'TODO:', 'Action Item:', '@', 'ðŸŽ‰', 'Ã', '\uFFFD', '\u0000', '\r\n', '\n', '\n\n', ' ', '\t', '%', '(', ')', '<!--', '-->',
  '[', ']', '](', 'https://github.com/acme/minutes/blob/', '%E0%A4%A', '../../..', '#', 'type: slide\n',
)

const randomDocument = fc.array(fc.oneof(fragment, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 60 }).map((parts) => parts.join(''))

const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fragment, fc.string())), { maxLength: 8 }))
  .map(([seed, edits]) =>
    edits.reduce((text, [at, remove, insert]) => {
      const position = at % (text.length + 1)
      return text.slice(0, position) + insert + text.slice(position + remove)
    }, seed),
  )

const randomBytes = fc.uint8Array({ maxLength: 400 })

function neverFails(content: string | Uint8Array, path: string): void {
  const report = checkSource({ path, content }, { config, index })
  for (const finding of report?.findings ?? []) {
    expect(finding.rule).not.toBe('internal')
    expect(finding.line).toBeGreaterThanOrEqual(1)
    expect(finding.column).toBeGreaterThanOrEqual(1)
    expect(finding.message.length).toBeGreaterThan(0)
  }
}

describe('no input makes the engine throw', () => {
  test('random Markdown-ish documents', () => {
    fc.assert(fc.property(randomDocument, fc.constantFrom(...PATHS), (text, path) => neverFails(text, path)), { numRuns: 1500 })
  })

  test('mutated example minutes', () => {
    fc.assert(fc.property(mutatedSeed, fc.constantFrom(...PATHS), (text, path) => neverFails(text, path)), { numRuns: 1500 })
  })

  test('random bytes', () => {
    fc.assert(fc.property(randomBytes, (bytes) => neverFails(bytes, PATHS[0]!)), { numRuns: 500 })
  })
})
