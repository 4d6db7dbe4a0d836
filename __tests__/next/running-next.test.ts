import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

/** `minutes-check next` on a running file: a new section where the file puts its newest meeting. */
const CONFIG = `profiles:
  tc-running:
    kind: running
    paths: ['tc/YYYY.md']
    rules: {title-date: error}
`
const NEWEST_FIRST = `Notes of the TC, newest first.

# **2026-11-10** - weekly

## Attendees

- Ana

## Action items

- AI @ana: publish the roadmap ✅
- AI @bo: review the charter

# **2026-11-03** - weekly

## Attendees
`
const OLDEST_FIRST = `## 2026-11-03

### Attendees

## 2026-11-10 - Canceled

## 2026-11-17

### Attendees

- AI @cy: book the room
`

async function next(files: Record<string, string>, argv: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'minutes-running-next-'))
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    let stdout = ''
    let stderr = ''
    const code = await runCli(['next', ...argv], { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), today: () => '2026-11-12', env: {} })
    return { code, stdout, stderr, written: readFileSync(join(root, 'tc/2026.md'), 'utf8') }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

describe('minutes-check next for a running file', () => {
  test('newest first: a section at the top, after the preamble, on the cadence, with the open items carried', async () => {
    const run = await next({ '.github/minutes.yml': CONFIG, 'tc/2026.md': NEWEST_FIRST }, ['tc/2026.md'])
    // The items come from the newest meeting of the file, named with its day.
    expect(run).toMatchObject({
      code: 0,
      stdout: 'tc/2026.md\n',
      stderr: 'minutes-check: 1 open action item carried over from the previous meeting (tc/2026.md, 2026-11-10). Open items of earlier meetings are not carried; `minutes-check items` lists every open item of the minutes.\n',
    })
    expect(run.written).toBe(`Notes of the TC, newest first.

# **2026-11-17** - weekly

## Attendees

## Action items

- [ ] AI @bo: review the charter

${NEWEST_FIRST.slice(NEWEST_FIRST.indexOf('# **2026-11-10**'))}`)
  })

  test('oldest first: a section at the bottom, from the newest meeting that took place; a day the file has is refused', async () => {
    const run = await next({ '.github/minutes.yml': CONFIG, 'tc/2026.md': OLDEST_FIRST }, ['tc/2026.md', '--date', '2026-11-24'])
    expect(run.code).toBe(0)
    expect(run.written).toBe(`${OLDEST_FIRST}
## 2026-11-24

### Attendees

### Open action items

- [ ] AI @cy: book the room
`)
    const again = await next({ '.github/minutes.yml': CONFIG, 'tc/2026.md': OLDEST_FIRST }, ['tc/2026.md', '--date', '2026-11-17'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('tc/2026.md already has a meeting of 2026-11-17')
    expect(again.written).toBe(OLDEST_FIRST)
  })
})
