import { afterAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const folder = join(PROJECT_ROOT, '.github', 'workflows')
const names = readdirSync(folder).filter((name) => name.endsWith('.yml')).sort()
const temp = mkdtempSync(join(tmpdir(), 'workflows-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** `npm run validate-workflows` on a folder: the real validator from the npm registry, on this Node. */
function validate(workflows: string) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/validate-workflows.js'), workflows], { encoding: 'utf8' })
}

interface Workflow {
  permissions?: Record<string, string>
  jobs: Record<string, { 'timeout-minutes'?: number; steps: Array<{ uses?: string }> }>
}

describe('the workflows', () => {
  test('are ci, check-dist, release and self-test', () => {
    expect(names).toEqual(['check-dist.yml', 'ci.yml', 'release.yml', 'self-test.yml'])
  })

  // `npm run validate-workflows` (in .ci/run) shows they pass; here: it fails on a typo, and only there.
  test('a misspelt key fails the validator, naming the file and the key; the others pass', () => {
    const copy = join(temp, 'typo')
    cpSync(folder, copy, { recursive: true })
    writeFileSync(join(copy, 'ci.yml'), readFileSync(join(folder, 'ci.yml'), 'utf8').replace('runs-on:', 'runs_on:'))
    const result = validate(copy)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${join(copy, 'ci.yml')} is not a valid workflow:`)
    expect(result.stderr).toContain("Additional property 'runs_on' is not allowed")
    expect(result.stderr.match(/is not a valid workflow/g)).toHaveLength(1)
  }, 120_000)

  test.each(names)('%s: least privilege, a time limit per job, actions pinned to a major version', (name) => {
    const workflow = parseYaml(readFileSync(join(folder, name), 'utf8')) as Workflow
    expect(workflow.permissions).toBeDefined()
    expect(Object.values(workflow.permissions ?? {}).filter((level) => level === 'write').length).toBeLessThanOrEqual(name === 'release.yml' ? 1 : 0)
    for (const job of Object.values(workflow.jobs)) {
      expect(job['timeout-minutes']).toEqual(expect.any(Number))
      for (const { uses } of job.steps) if (uses !== undefined) expect(uses).toMatch(/^(\.\/|[\w-]+\/[\w-]+@v\d+$)/)
    }
  })

  test('CI runs .ci/run on Node 24, and .ci/run validates the workflows and installs the packed CLI', () => {
    const ci = parseYaml(readFileSync(join(folder, 'ci.yml'), 'utf8')) as { jobs: { ci: { steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string }> } } }
    // Node 20 (the CLI's oldest, for its smoke test), then Node 24, which comes first on PATH.
    expect(ci.jobs.ci.steps.filter((step) => step.uses?.startsWith('actions/setup-node@')).map((step) => step.with?.['node-version'])).toEqual([20, 24])
    expect(ci.jobs.ci.steps.at(-1)?.run).toBe('bash .ci/run')
    const run = readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8').split('\n')
    expect(run).toEqual(expect.arrayContaining(['npm run check-dist', 'npm run validate-workflows', 'npm run pack-check', '"$oldest_node" scripts/cli-smoke.js']))
  })
})
