import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify as toYaml } from 'yaml'
import { RULE_IDS } from '../../src/constants.js'
import type { Finding } from '../../src/report/types.js'
import { readRuleDocs, renderRulesDoc, type RuleExample } from '../../scripts/rule-docs.js'
import { checkInMemory, type MemoryRepo } from '../../test-support/check-in-memory.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const docs = readRuleDocs(PROJECT_ROOT)

/** A finding as the examples write it: `line:column-endLine:endColumn: severity: message`. */
function exampleLine(finding: Finding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}: ${finding.severity}: ${finding.message}`
}

/** Runs one example file through the engine; the findings of `rule`, as example lines. */
function run(rule: string, example: RuleExample): string[] {
  const path = example.path ?? 'community-call/20261119.md'
  const repo: MemoryRepo = { [path]: example.text }
  for (const file of example.files ?? []) repo[file] = '# Notes\n'
  const report = checkInMemory(repo, path, {
    ...(example.config ? { configYaml: toYaml(example.config) } : {}),
    repository: example.repository ?? 'acme/minutes',
  })
  return (report?.findings ?? []).filter((finding) => finding.rule === rule).map(exampleLine)
}

describe('every rule is documented in its module, with examples', () => {
  test('each rule has a doc comment with a summary, an ok example and a not-ok pair', () => {
    expect(docs.map((doc) => doc.id)).toEqual([...RULE_IDS])
    for (const doc of docs) {
      expect({ id: doc.id, summary: doc.summary.length > 20 }).toEqual({ id: doc.id, summary: true })
      const labels = doc.examples.map((example) => example.label)
      expect({ id: doc.id, ok: labels.includes('ok'), input: labels.includes('input'), output: labels.includes('output') }).toEqual({
        id: doc.id,
        ok: true,
        input: true,
        output: true,
      })
    }
  })

  test('docs/rules.md is what `npm run docs:rules` writes from the modules', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc(docs))
  })
})

describe.each(docs.map((doc) => [doc.id, doc] as const))('examples of %s', (id, doc) => {
  const inputs = doc.examples.filter((example) => example.label !== 'output')
  test.each(inputs.map((example) => [example.name, example] as const))('%s', (name, example) => {
    const output = doc.examples.find((candidate) => candidate.label === 'output' && candidate.name === name)
    const expected = example.label === 'ok' ? [] : (output?.text ?? 'an output example is missing').trimEnd().split('\n')
    expect(run(id, example)).toEqual(expected)
  })
})
