import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const EXAMPLES = join(PROJECT_ROOT, 'examples/minutes-repo')

async function cli(argv: string[], cwd = EXAMPLES) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

describe('minutes-check items', () => {
  test('the example repository: its open items by owner, oldest first, where each was first written down', async () => {
    const { code, stdout, stderr } = await cli(['items'])
    expect(stdout).toBe(
      [
        '# Open action items',
        '',
        '**5 open action items.**',
        '',
        '- **By series:** community-call 4, platform 1',
        '- **By owner:** alice 1, bob 1, carol 1, dave 1, erin 1',
        '',
        '### alice · 1 open',
        '',
        '- Announce the maintenance window on the mailing list — community-call, since [2026-11-19](community-call/20261119.md#L14)',
        '',
        '### bob · 1 open',
        '',
        '- Write the upgrade runbook — platform, since [2026-11-11](platform/20261111.md#L14)',
        '',
        '### carol · 1 open',
        '',
        '- Check the etcd backup restore time and document it: Team Platform — community-call, since [2026-11-12](community-call/20261112.md#L15) · in 2 meetings',
        '',
        '### dave · 1 open',
        '',
        '- Publish the benchmark in the blog — community-call, since [2026-11-19](community-call/20261119.md#L25)',
        '',
        '### erin · 1 open',
        '',
        '- Book the room for the community hackathon — community-call, since [2026-11-19](community-call/20261119.md#L36)',
        '',
      ].join('\n'),
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  test('--format json: the same groups; due dates; an item done in its newest meeting is not open; no word on link checking', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-items-'))
    mkdirSync(join(root, 'ops'))
    writeFileSync(join(root, 'ops/20260105.md'), '# Ops 2026-01-05\n\n- AI @kim: rotate the keys, due 2020-01-01\n- AI @lee: renew the certificate\n')
    writeFileSync(join(root, 'ops/20260112.md'), '# Ops 2026-01-12\n\n- AI @kim: rotate the keys, due 2020-01-01\n- [x] AI @lee: renew the certificate\n- AI: order the spare disks by 2099-03-01\n\nSee https://github.com/acme/tools/blob/main/disks.md\n')
    const json = await cli(['items', '--format', 'json'], root)
    expect(json.code).toBe(0)
    // No repository can be told here, but `items` checks no link: nothing to say about it.
    expect(json.stderr).toBe('')
    expect(JSON.parse(json.stdout)).toEqual({
      version: 1,
      total: 2,
      groups: [
        { owner: 'kim', items: [{ issue: null, text: 'Rotate the keys, due 2020-01-01', series: 'ops', owners: ['kim'], since: '2026-01-05', source: 'ops/20260105.md#L3', due: '2020-01-01', meetings: 2 }] },
        { owner: null, items: [{ issue: null, text: 'Order the spare disks by 2099-03-01', series: 'ops', owners: [], since: '2026-01-12', source: 'ops/20260112.md#L5', due: '2099-03-01', meetings: 1 }] },
      ],
    })
    const markdown = await cli(['items'], root)
    expect(markdown.stdout).toContain('- Rotate the keys, due 2020-01-01 — ops, since [2026-01-05](ops/20260105.md#L3) · due 2020-01-01, **overdue** · in 2 meetings\n')
    expect(markdown.stdout).toContain('### Nobody named · 1 open\n\n- Order the spare disks by 2099-03-01 — ops, since [2026-01-12](ops/20260112.md#L5) · due 2099-03-01\n')
  })

  test('a bad option: exit 2 and the usage of `items`', async () => {
    const { code, stderr } = await cli(['items', '--format', 'html'])
    expect(code).toBe(2)
    expect(stderr).toContain('minutes-check: --format must be markdown or json, not “html”\n\nUsage: minutes-check items')
  })
})
