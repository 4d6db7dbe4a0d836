import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { checkInWorkers } from '../../src/check/check-pool.js'
import type { SourceFile } from '../../src/check/check-source.js'
import { loadConfig } from '../../src/config/load-config.js'
import { bundleBuilt, CLI_BUNDLE } from '../../test-support/hostile.js'

// The budget per case is the engine's own (maxFileSeconds, enforced by terminating the
// worker): a case that runs over it ends there with one `file-too-complex` finding. Some
// shapes do (deep `**` on one line, long lines of `[x]`, repeated definitions: the parser's
// cost grows faster than their length; see docs/performance.md); no case may throw.
const config = { ...loadConfig('limits:\n  maxFileSeconds: 10\n'), repository: 'acme/minutes' }
const allPaths = ['platform/20261118.md', 'storage/20261119.md', 'community-call/20261112.md']
const FOLDERS = ['community-call', 'platform', 'slides']

/** Opening and closing of every container and inline kind that nests. */
const NESTERS: Array<[string, string]> = [
  ['- ', ''], ['* ', ''], ['+ ', ''], ['1. ', ''], ['1) ', ''], ['> ', ''], ['- [ ] ', ''], ['>- ', ''], ['- > ', ''],
  ['*', '*'], ['_', '_'], ['**', '**'], ['~~', '~~'], ['[', '](x.md)'], ['![', '](y.png)'], ['[', ']'], ['(', ')'],
  ['<div>', '</div>'], ['`', '`'], ['<', '>'], ['|', '|'], ['\\', ''], ['&amp;', ''], ['[^', ']'],
]

const depth = fc.integer({ min: 50, max: 6000 })

/** One container or inline kind nested deep, on one line or one level per line (indentation). */
const deepNesting = fc.tuple(fc.constantFrom(...NESTERS), depth, fc.boolean()).map(([[open, close], count, perLine]) =>
  perLine
    ? Array.from({ length: Math.min(count, 600) }, (_, level) => `${'  '.repeat(level)}${open}x${close}`).join('\n')
    : `${open.repeat(count)}x${close.repeat(count)}`,
)

// Not here: a line of tens of thousands of `[x]` (undefined references). The parser's cost
// for it grows faster than its length (160 KB: over a minute); only the time budget bounds
// it, with one `file-too-complex` finding (tested in hostile-files.test.ts).
const hugeLine = fc.tuple(fc.constantFrom('a', 'word ', '-', '*', '`', '|', '#', '[x](y) ', '\t', ' '), fc.integer({ min: 10_000, max: 100_000 })).map(([unit, length]) =>
  unit.repeat(Math.ceil(length / unit.length)),
)

const manyLinks = fc.tuple(
  // Not here either: thousands of repeated reference definitions (`[x][y]` + `[y]: z.md`),
  // also bounded only by the time budget (found by this test; see docs/performance.md).
  fc.constantFrom('[x](../platform/2026111.md) ', 'https://github.com/acme/minutes/blob/main/platform/20261117.md ', '<https://example.com/a> ', 'Minutes: https://github.com/acme/minutes/tree/main/x\n'),
  fc.integer({ min: 100, max: 5_000 }),
).map(([link, count]) => link.repeat(count))

const manyItems = fc.integer({ min: 100, max: 10_000 }).map((count) => Array.from({ length: count }, (_, index) => `- AI @alice: item ${index}`).join('\n'))

const oddCharacters = fc.array(fc.constantFrom('\0', '\uD800', '\uDFFF', '\uFEFF', '\r\n', '\r', '\n', '\uFFFD', 'ðŸŽ‰', '\u2028', '\u0085', 'x', ' '), { minLength: 1, maxLength: 2000 }).map((parts) =>
  parts.join(''),
)

const title = fc.constantFrom('', '# 2026-11-19\n\n', '\uFEFF# 2026-11-19\r\n\r\n', '---\ntype: slide\n---\n', '## Meta\n\n- Minutes: Bob\n\n### Team X\n\n')

/** A hostile document: a title, then a few hostile pieces, as text or as (possibly invalid) bytes. */
const hostileDocument = fc
  .tuple(title, fc.array(fc.oneof(deepNesting, hugeLine, manyLinks, manyItems, oddCharacters), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([head, pieces, newline, asBytes]): string | Uint8Array => {
    const text = head + pieces.join(newline)
    return asBytes ? new TextEncoder().encode(text) : text
  })

const describeBuilt = bundleBuilt ? describe : describe.skip
if (!bundleBuilt) process.stderr.write(`Skipping the hostile property test: ${CLI_BUNDLE} is not built (npm run build).\n`)

describeBuilt('hostile shapes never throw, and end within the per-file budget', () => {
  test('deep nesting of every kind, huge lines, many links and items, NUL, lone surrogates, CRLF/BOM mixes', async () => {
    const documents = fc.sample(hostileDocument, { numRuns: 60, seed: 20261202 })
    // Weekly, team and slide paths in turn, each its own file.
    const sources: SourceFile[] = documents.map((content, index) => ({ path: `${FOLDERS[index % FOLDERS.length]}/2026${String(101 + index).padStart(4, '0')}.md`, content }))
    const reports = await checkInWorkers(sources, { config, allPaths }, { jobs: 2, workerScript: CLI_BUNDLE })
    for (const [index, report] of reports.entries()) {
      const shape = describeDocument(sources[index]!.content)
      const findings = report?.findings ?? []
      for (const finding of findings) {
        expect({ shape, rule: finding.rule, message: finding.message }).not.toMatchObject({ rule: 'internal' })
        expect(finding.line).toBeGreaterThanOrEqual(1)
        expect(finding.column).toBeGreaterThanOrEqual(1)
      }
      // A case the engine stopped at the budget ends there, with that one finding only.
      if (findings.some((finding) => finding.message.includes('maxFileSeconds'))) {
        expect({ shape, findings: findings.map((finding) => finding.rule) }).toEqual({ shape, findings: ['file-too-complex'] })
      }
    }
  }, 600_000)
})

/** A short description of a generated document for a failure message. */
function describeDocument(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
  return `${text.length} chars: ${JSON.stringify(text.slice(0, 60))}…`
}
