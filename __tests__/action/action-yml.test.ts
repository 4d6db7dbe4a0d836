import { describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { readSettings } from '../../src/action/settings.js'
import { CREATE_ISSUES, FAIL_ON, INPUTS, OUTPUTS } from '../../src/constants.js'
import { pullRequestEvent, pushEvent } from '../../test-support/events.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

// action.yml is what the runner reads: a misspelt key there is silently ignored, and the
// workflow validator's schema predates `using: node24`, so this test checks it against the code.

interface Metadata {
  name?: unknown
  description?: unknown
  author?: unknown
  branding?: { icon?: unknown; color?: unknown }
  inputs: Record<string, { description?: unknown; required?: unknown; default?: unknown; [key: string]: unknown }>
  outputs: Record<string, { description?: unknown; [key: string]: unknown }>
  runs: Record<string, unknown>
  [key: string]: unknown
}

const metadata = parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as Metadata
const TOKEN = 'ghs_fromTheGithubTokenExpression'

/** What the runner passes for an input the workflow leaves out: its default, `${{ github.token }}` evaluated. */
function runnerDefault(name: string): string {
  const value = String(metadata.inputs[name]?.default ?? '')
  return value.replace(/^\$\{\{\s*github\.token\s*\}\}$/, TOKEN)
}

const folder = mkdtempSync(join(tmpdir(), 'action-yml-'))
const repo = { owner: 'acme', name: 'minutes' }
/** An environment per event the action runs on, each with a real payload. */
const environments = Object.entries({
  pull_request: pullRequestEvent({ action: 'opened', repo, number: 7, head: { sha: 'b'.repeat(40), ref: 'minutes' }, base: { sha: 'a'.repeat(40), ref: 'main' } }),
  push: pushEvent({ repo, ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'c'.repeat(40) }),
  workflow_dispatch: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
}).map(([name, payload]) => {
  const path = join(folder, `${name}.json`)
  writeFileSync(path, JSON.stringify(payload))
  return { name, env: { GITHUB_REPOSITORY: 'acme/minutes', GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main', GITHUB_WORKSPACE: folder } }
})

describe('action.yml', () => {
  test('has exactly the top-level keys the runner knows, with a name, description, author and branding', () => {
    expect(Object.keys(metadata).sort()).toEqual(['author', 'branding', 'description', 'inputs', 'name', 'outputs', 'runs'])
    expect(metadata).toMatchObject({ name: expect.any(String), description: expect.any(String), author: expect.any(String) })
    expect(metadata.branding).toEqual({ icon: expect.any(String), color: expect.any(String) })
  })

  test('runs the committed bundle on Node 24', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync(join(PROJECT_ROOT, 'dist', 'index.js'))).toBe(true)
  })

  test('declares the inputs of src/constants.ts, in order, each optional with a description and a default', () => {
    expect(Object.keys(metadata.inputs)).toEqual(Object.values(INPUTS))
    for (const [name, input] of Object.entries(metadata.inputs)) {
      expect({ name, keys: Object.keys(input).sort() }).toEqual({ name, keys: ['default', 'description', 'required'] })
      expect({ name, required: input.required, default: typeof input.default }).toEqual({ name, required: false, default: 'string' })
      expect(String(input.description).length).toBeGreaterThan(20)
    }
  })

  test('the token defaults to the workflow token', () => {
    expect(metadata.inputs[INPUTS.githubToken]?.default).toBe('${{ github.token }}')
  })

  test('the descriptions of choice inputs name every value the code accepts', () => {
    const described = (name: string) => [...String(metadata.inputs[name]?.description).matchAll(/`([a-z-]+)`/g)].map((match) => match[1])
    expect(described(INPUTS.failOn)).toEqual(expect.arrayContaining([...FAIL_ON]))
    expect(described(INPUTS.createIssues)).toEqual(expect.arrayContaining([...CREATE_ISSUES]))
  })

  test.each(environments)('its defaults mean what the code does with an empty input ($name)', ({ env }) => {
    const fromDefaults = readSettings(runnerDefault, env)
    const fromEmpty = readSettings(() => '', env)
    expect(fromDefaults.token).toBe(TOKEN)
    expect({ ...fromDefaults, token: '' }).toEqual({ ...fromEmpty, token: '' })
  })

  test('every default is a value the code accepts (an input set to its default is read without error)', () => {
    for (const name of Object.values(INPUTS)) {
      const only = (input: string) => (input === name ? runnerDefault(name) : '')
      for (const { env } of environments) expect(() => readSettings(only, env)).not.toThrow()
    }
  })

  test('declares the outputs of src/constants.ts, in order, each with a description only', () => {
    expect(Object.keys(metadata.outputs)).toEqual(Object.values(OUTPUTS))
    for (const [name, output] of Object.entries(metadata.outputs)) {
      expect({ name, keys: Object.keys(output) }).toEqual({ name, keys: ['description'] })
      expect(String(output.description).length).toBeGreaterThan(10)
    }
  })
})
