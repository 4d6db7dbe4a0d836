import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { DEFAULT_RULE_LEVELS } from '../../src/config/defaults.js'
import { INPUTS, OUTPUTS, RULE_IDS } from '../../src/constants.js'
import { readRuleDocs } from '../../scripts/rule-docs.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')
const rulesDoc = readFileSync(join(PROJECT_ROOT, 'docs/rules.md'), 'utf8')
const action = parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

/** The first cells of the rows of the README table under a heading. */
function tableRows(heading: string): string[][] {
  const section = readme.split(`\n${heading}\n`)[1]?.split('\n## ')[0]?.split('\n### ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
}

describe('the docs agree with the code', () => {
  test('the README starts with the two commands', () => {
    expect(readme.split('\n').slice(2, 6)).toEqual([
      '```sh',
      'npm ci && npm run demo    # the main job: a demo on the bundled example minutes, no GitHub needed',
      'npm ci && npm test        # the tests (jest on Node 24, which npm ci installs)',
      '```',
    ])
  })

  test('the rules table lists every rule, its default level and the summary of its doc comment', () => {
    const summaries = new Map(readRuleDocs(PROJECT_ROOT).map((doc) => [doc.id, doc.summary]))
    expect(tableRows('## Rules')).toEqual(RULE_IDS.map((id) => [`\`${id}\``, DEFAULT_RULE_LEVELS[id], summaries.get(id)]))
  })

  test('docs/rules.md has a section for every rule', () => {
    const documented = [...rulesDoc.matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1])
    expect(documented).toEqual([...RULE_IDS])
  })

  test('action.yml, the constants and the README name the same inputs and outputs', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.values(INPUTS))
    expect(tableRows('### Inputs').map((row) => row[0])).toEqual(Object.values(INPUTS).map((name) => `\`${name}\``))
    expect(Object.keys(action.outputs)).toEqual(Object.values(OUTPUTS))
    expect(tableRows('### Outputs').map((row) => row[0])).toEqual(Object.values(OUTPUTS).map((name) => `\`${name}\``))
  })

  test('the action runs the bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
