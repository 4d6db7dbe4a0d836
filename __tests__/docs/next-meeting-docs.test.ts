import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { runCli } from '../../src/cli/main.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')
const example = readFileSync(join(PROJECT_ROOT, 'docs/examples/minutes-next-meeting.yml'), 'utf8')

/** The fenced block of `language` that follows `after` in the README. */
function blockAfter(after: string, language: string): string {
  const from = readme.indexOf(after)
  const start = readme.indexOf(`\`\`\`${language}\n`, from) + language.length + 4
  return readme.slice(start, readme.indexOf('```\n', start))
}

interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: { prepare: { steps: Array<{ uses?: string; with?: Record<string, string>; if?: string }> } }
}

describe('the weekly routine in the README', () => {
  test('the scheduled workflow is docs/examples/minutes-next-meeting.yml, word for word', () => {
    expect(blockAfter('### The weekly routine: prepare, meet, merge', 'yaml')).toBe(example)
  })

  test('it runs on a schedule, prepares, and opens the pull request with the permissions create-pull-request needs', () => {
    const workflow = parseYaml(example) as Workflow
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'workflow_dispatch'])
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'read' })
    const [, minutes, pull] = workflow.jobs.prepare.steps
    expect(minutes?.with).toMatchObject({ 'prepare-next': 'community-call', 'fail-on': 'never' })
    expect(pull?.uses).toBe('peter-evans/create-pull-request@v7')
    expect(pull?.with?.['add-paths']).toBe('${{ steps.minutes.outputs.prepared-file }}')
  })

  test('the example workflow is valid (npm run validate-workflows on docs/examples)', () => {
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/validate-workflows.js'), join(PROJECT_ROOT, 'docs/examples')], { encoding: 'utf8' })
    expect([result.status, result.stdout]).toEqual([0, '1 workflows valid: minutes-next-meeting.yml.\n'])
  }, 120_000)

  test("the CLI's example file is what `minutes-check next` prepares", async () => {
    let stdout = ''
    const code = await runCli(['next', 'community-call', '--print', '--root', 'examples/minutes-repo'], { cwd: PROJECT_ROOT, stdout: (text) => (stdout += text), stderr: () => undefined, today: () => '2026-11-20' })
    expect(code).toBe(0)
    expect(blockAfter('`minutes-check next SERIES [--date YYYY-MM-DD] [--print]`', 'markdown')).toBe(stdout)
  })
})
