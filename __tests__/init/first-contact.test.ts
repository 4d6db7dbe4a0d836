import { describe, expect, test } from '@jest/globals'
import { parse, stringify } from 'yaml'
import { compileGrammar } from '../../src/action-items/compile-grammar.js'
import { extendGrammar } from '../../src/action-items/index.js'
import { loadConfig } from '../../src/config/load-config.js'
import { selectProfile } from '../../src/config/profiles.js'
import { configDocument } from '../../src/init/config-document.js'
import { configSupport } from '../../src/init/config-support.js'
import { describeInference } from '../../src/init/describe-inference.js'
import { inferConfiguration, type InitInput } from '../../src/init/infer-config.js'
import { previewCheck } from '../../src/init/preview.js'

/**
 * `init` on synthetic repositories written for these tests (issue 20): what a new user's first
 * run must get right — sections most but not all files keep stay optional, year folders are a
 * layout and not today's files, two kinds of meeting in one folder are two profiles, and the
 * repository's own action-item habits go into the configuration.
 */
const support = configSupport()
const actionsBuiltIn = compileGrammar(extendGrammar()).isLabel('Actions')

function inputOf(files: Record<string, string>): InitInput {
  const map = new Map(Object.entries(files))
  return { paths: [...map.keys()].sort(), files: map }
}

async function initOn(files: Record<string, string>) {
  const input = inputOf(files)
  const inference = inferConfiguration(input, support)
  const text = configDocument(inference, support)
  const report = await previewCheck(input, text)
  return { input, inference, text, written: parse(text) as Record<string, unknown>, report, summary: describeInference(inference, report, support) }
}

function findingsOf(report: Awaited<ReturnType<typeof previewCheck>>): string[] {
  return report.files.flatMap((file) => file.findings.map((finding) => `${file.path}:${finding.line} ${finding.rule} ${finding.message}`))
}

/** Twelve fortnightly meetings; the two given by index lack `## Risks` (2 of 12: 17 %). */
function seriesLacking(without: number[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (let at = 0; at < 12; at++) {
    const date = new Date(Date.UTC(2025, 0, 7 + 14 * at)).toISOString().slice(0, 10)
    const risks = without.includes(at) ? '' : '## Risks\n\n- The vendor may be late.\n\n'
    const present = at % 3 === 0 ? 'Participants (github handles preferred)' : 'Participants'
    files[`sync/${date}.md`] = `# Sync ${date}\n\n## ${present}\n\n- @ana\n- @ben\n\n## Agenda\n\n- Planning\n\n${risks}## Notes\n\nNothing else.\n`
  }
  return files
}

describe('required sections: only those about 95 % of the files, and of the newest ones, keep', () => {
  test('a section 2 of 12 files lack (17 %) is left optional, with the counts said; the others are required', async () => {
    const { inference, written, summary, report } = await initOn(seriesLacking([3, 8]))
    const [series] = inference.series
    expect(series?.sections.map((section) => [section.name, section.aliases, section.files])).toEqual([
      ['Participants', ['Participants (github handles preferred)'], 12],
      ['Agenda', [], 12],
      ['Notes', [], 12],
    ])
    expect(series?.optionalSections).toEqual([{ name: 'Risks', files: 10, recentFiles: 8, recent: 10, wrapsTeams: false }])
    expect((written.profiles as Record<string, { requiredSections: unknown }>).sync?.requiredSections).toEqual([
      { name: 'Participants', aliases: ['Participants (github handles preferred)'] },
      'Agenda',
      'Notes',
    ])
    expect(summary).toContain('    left optional (required only when 95 % of the files and of the newest ones have it): Risks (10 of 12, 8 of the newest 10)\n')
    // Nobody is red for a section the series does not keep.
    expect(findingsOf(report)).toEqual([])
  })

  test('two series sharing a profile: the written comment counts the files of both that have each section', async () => {
    const sync = seriesLacking([])
    const ops = Object.fromEntries(Object.entries(sync).slice(0, 5).map(([path, text]) => [path.replace('sync/', 'ops/'), text]))
    const { inference, text } = await initOn({ ...sync, ...ops })
    expect(inference.profiles.map((profile) => profile.series.map((series) => series.files.length))).toEqual([[12, 5]])
    expect(text).toContain('# Sections 95 % of the files and of the newest ones have (files with it, of 17: Participants 17, Agenda 17, Risks 17, Notes 17)\n')
  })

  test('one file of 24 lacking a section (4 %) leaves it required, and that file is told', async () => {
    const files = { ...seriesLacking([]), ...Object.fromEntries(Object.entries(seriesLacking([])).map(([path, text]) => [path.replace('2025', '2024'), text.replaceAll('2025', '2024')])) }
    const lacking = Object.keys(files).sort()[2] as string
    files[lacking] = (files[lacking] as string).replace('## Risks\n\n- The vendor may be late.\n\n', '')
    const { inference, report } = await initOn(files)
    expect(inference.series[0]?.sections.find((section) => section.name === 'Risks')?.files).toBe(23)
    expect(findingsOf(report)).toEqual([`${lacking}:1 required-section Missing section “Risks”: add a heading \`## Risks\`.`])
  })

  test('a section the newest files dropped is not required, however many old files have it', async () => {
    // 30 files, the last 3 without it: 90 % overall, 7 of the newest 10.
    const files: Record<string, string> = {}
    for (let at = 0; at < 30; at++) {
      const date = new Date(Date.UTC(2024, 0, 2 + 7 * at)).toISOString().slice(0, 10)
      files[`weekly/${date}.md`] = `# Weekly ${date}\n\n## Agenda\n\n- x\n\n${at < 27 ? '## Old habit\n\nx\n\n' : ''}`
    }
    const { inference } = await initOn(files)
    expect(inference.series[0]?.sections.map((section) => section.name)).toEqual(['Agenda'])
    expect(inference.series[0]?.optionalSections).toEqual([{ name: 'Old habit', files: 27, recentFiles: 7, recent: 10, wrapsTeams: false }])
  })
})

/**
 * `count` fortnightly meetings in `sync/`, oldest first; the files given by index lack the
 * minute-taker line (`taker`), the date in the title (`undated`), or write the date in the
 * front matter instead of the title (`frontMatter`).
 */
function seriesOf(count: number, lacking: { taker?: number[]; undated?: number[]; frontMatter?: number[] }): Record<string, string> {
  const files: Record<string, string> = {}
  for (let at = 0; at < count; at++) {
    const date = new Date(Date.UTC(2024, 0, 2 + 14 * at)).toISOString().slice(0, 10)
    const inFrontMatter = lacking.frontMatter?.includes(at) ?? false
    const head = inFrontMatter ? `---\ndate: ${date}\n---\n# Sync\n` : `# ${lacking.undated?.includes(at) ? 'Sync' : `Sync ${date}`}\n`
    const taker = lacking.taker?.includes(at) ? '' : 'Minutes: Ana\n\n'
    files[`sync/${date}.md`] = `${head}\n## Participants\n\n- @ana\n- @ben\n\n${taker}## Notes\n\nNothing else.\n`
  }
  return files
}

/** Every finding as `path:line severity rule`. */
function levelsOf(report: Awaited<ReturnType<typeof previewCheck>>): string[] {
  return report.files.flatMap((file) => file.findings.map((finding) => `${file.path}:${finding.line} ${finding.severity} ${finding.rule}`))
}

type WrittenProfile = { rules: Record<string, string>; minuteTaker?: unknown; frontMatterDate?: string }

describe('the minute-taker and the date: an error only where 95 % of the files, and of the newest ones, have them', () => {
  const REASON = 'an error only when 95 % of the files and of the newest ones have it'

  test('a minute-taker line 2 of 12 files lack (17 %) is a warning where it is missing, and init says why', async () => {
    const { inference, written, summary, text, report } = await initOn(seriesOf(12, { taker: [3, 8] }))
    expect(inference.series[0]?.minuteTaker).toEqual({ section: 'Participants', labels: ['Minutes'], files: 10, recentFiles: 8, recent: 10, required: false })
    const sync = (written.profiles as Record<string, WrittenProfile>).sync
    expect(sync?.rules['minute-taker']).toBe('warning')
    expect(sync?.minuteTaker).toEqual({ section: 'Participants', labels: ['Minutes'] })
    expect(summary).toContain(`    minute-taker: “Minutes:” under “Participants” (10 of 12, 8 of the newest 10): minute-taker is a warning (${REASON})\n`)
    expect(text).toContain(
      '    # The minute-taker line nearly every file has, short of 95 % of the files and of the newest ones: rule minute-taker is a warning (files with it: sync/YYYY-MM-DD.md 10 of 12, 8 of the newest 10)\n    minuteTaker:\n',
    )
    // Nobody is red for a line the series does not keep; the two files are told.
    expect(levelsOf(report)).toEqual(['sync/2024-02-13.md:3 warning minute-taker', 'sync/2024-04-23.md:3 warning minute-taker'])
  })

  test('one file of 25 without it (96 %), none of the newest: required, and that file is an error', async () => {
    const { inference, written, summary, text, report } = await initOn(seriesOf(25, { taker: [4] }))
    expect(inference.series[0]?.minuteTaker).toMatchObject({ files: 24, recentFiles: 10, recent: 10, required: true })
    expect((written.profiles as Record<string, WrittenProfile>).sync?.rules['minute-taker']).toBe('error')
    expect(summary).toContain('    minute-taker: “Minutes:” under “Participants” (24 of 25)\n')
    expect(text).toContain('    # The minute-taker line 95 % of the files and of the newest ones have (files with it: sync/YYYY-MM-DD.md 24 of 25)\n')
    expect(levelsOf(report)).toEqual(['sync/2024-02-27.md:3 error minute-taker'])
  })

  test('96 % of the files but not the newest one: not required (the newest ones must keep it too)', async () => {
    const { inference, written } = await initOn(seriesOf(25, { taker: [24] }))
    expect(inference.series[0]?.minuteTaker).toMatchObject({ files: 24, recentFiles: 9, recent: 10, required: false })
    expect((written.profiles as Record<string, WrittenProfile>).sync?.rules['minute-taker']).toBe('warning')
  })

  test('a minute-taker line half the files have is not checked, and init says so', async () => {
    const { inference, written, summary, text, report } = await initOn(seriesOf(12, { taker: [0, 2, 4, 6, 8, 10] }))
    expect(inference.series[0]?.minuteTaker).toBeNull()
    const sync = (written.profiles as Record<string, WrittenProfile>).sync
    expect([sync?.rules['minute-taker'], sync?.minuteTaker]).toEqual(['off', undefined])
    const said = 'not checked: “Minutes:” under “Participants” in too few files (6 of 12, 5 of the newest 10; a warning from 80 % of the files and of the newest ones, an error from 95 %)'
    expect(summary).toContain(`    minute-taker: ${said}\n`)
    expect(text).toContain(`; minute-taker ${said}\n`)
    expect(levelsOf(report)).toEqual([])
  })

  test('dates in 10 of 12 titles (83 %): title-date is a warning for the two, and the configuration says why', async () => {
    const { inference, written, summary, text, report } = await initOn(seriesOf(12, { undated: [1, 7] }))
    expect(inference.series[0]?.datePlace).toEqual({ kind: 'title', files: 10, recentFiles: 9, recent: 10, required: false })
    expect((written.profiles as Record<string, WrittenProfile>).sync?.rules['title-date']).toBe('warning')
    expect(summary).toContain(`    date: dates in titles (10 of 12, 9 of the newest 10): title-date is a warning (${REASON})\n`)
    expect(text).toContain(`; dates in titles (10 of 12, 9 of the newest 10): title-date is a warning (${REASON})\n`)
    expect(text).toContain('      # A warning: nearly every file is dated, short of 95 % of the files and of the newest ones (the counts are above)\n      title-date: warning\n')
    expect(levelsOf(report)).toEqual(['sync/2024-01-16.md:1 warning title-date', 'sync/2024-04-09.md:1 warning title-date'])
  })

  test('dates in 24 of 25 titles, the undated one old: title-date stays an error', async () => {
    const { inference, written, report } = await initOn(seriesOf(25, { undated: [2] }))
    expect(inference.series[0]?.datePlace).toEqual({ kind: 'title', files: 24, recentFiles: 10, recent: 10, required: true })
    expect((written.profiles as Record<string, WrittenProfile>).sync?.rules['title-date']).toBe('error')
    expect(levelsOf(report)).toEqual(['sync/2024-01-30.md:1 error title-date'])
  })

  test('dates in too few titles: title-date is off, and init says how few', async () => {
    const { inference, written, summary } = await initOn(seriesOf(12, { undated: [0, 1, 2, 3, 4, 5, 6] }))
    expect(inference.series[0]?.datePlace).toEqual({ kind: 'none', titles: { files: 5, recentFiles: 5, recent: 10, required: false } })
    expect((written.profiles as Record<string, WrittenProfile>).sync?.rules['title-date']).toBe('off')
    expect(summary).toContain('    date: dates in too few titles to check them (5 of 12, 5 of the newest 10; a warning from 80 % of the files and of the newest ones, an error from 95 %)\n')
  })

  test('a front matter date most files write, the others dating their titles: every file is dated, so title-date is an error', async () => {
    const { inference, written, summary, report } = await initOn(seriesOf(12, { frontMatter: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }))
    expect(inference.series[0]?.datePlace).toEqual({ kind: 'front-matter', key: 'date', keyFiles: 10, files: 12, recentFiles: 10, recent: 10, required: true })
    const sync = (written.profiles as Record<string, WrittenProfile>).sync
    expect([sync?.frontMatterDate, sync?.rules['title-date']]).toEqual([support.frontMatterDate ? 'date' : undefined, support.frontMatterDate ? 'error' : 'off'])
    expect(summary).toContain('    date: dates in front matter `date` (10 of 12) or in titles (12 of 12)\n')
    expect(levelsOf(report)).toEqual([])
  })
})

/** A board and an ops meeting, both in `notes/YYYY/`, told apart by the file name's suffix. */
function boardAndOps(years: number[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const year of years) {
    for (const month of ['03', '06', '09', '12']) {
      const board = `${year}-${month}-10`
      files[`notes/${year}/${board}-board.md`] = [
        `# Board meeting ${board}`,
        '',
        '## Attendees',
        '',
        '- Dave Lee (@dlee)',
        '- Bob Stone (@bstone)',
        '- Erin Moss',
        '',
        '## Resolutions',
        '',
        `- The budget for ${year + 1} is approved.`,
        '',
        '## Actions',
        '',
        `- Dave to circulate the ${board} budget`,
        `- Bob to file the ${board} report`,
        '',
      ].join('\n')
      const ops = `${year}-${month}-17`
      files[`notes/${year}/${ops}-ops.md`] = [
        `# Ops sync ${ops}`,
        '',
        '## Present',
        '',
        'Dave, Bob, Erin',
        '',
        '## Incidents',
        '',
        `- The runner ran out of disk on ${ops}.`,
        '',
        `ACTION: Bob to book the room for the ${ops} review`,
        '',
        `ACTION: Dave to restart the runner after ${ops}`,
        '',
      ].join('\n')
    }
  }
  return files
}

describe('init describes the layout, not today’s files (notes/YYYY/YYYY-MM-DD-board.md and -ops.md)', () => {
  test('year folders become YYYY; each kind of meeting is its own profile, named after it, with its own sections', async () => {
    const { inference, written } = await initOn(boardAndOps([2024, 2025]))
    expect(inference.datePatterns).toEqual(['notes/YYYY/YYYY-MM-DD-board.md', 'notes/YYYY/YYYY-MM-DD-ops.md'])
    const profiles = written.profiles as Record<string, { paths: string[]; requiredSections: unknown[] }>
    expect(Object.keys(profiles)).toEqual(['board', 'ops'])
    const path = (pattern: string) => (support.dateTokensInPaths ? pattern : pattern.replaceAll('YYYY', '[0-9][0-9][0-9][0-9]').replace('MM', '[0-9][0-9]').replace('DD', '[0-9][0-9]'))
    expect(profiles.board?.paths).toEqual([path('notes/YYYY/YYYY-MM-DD-board.md')])
    expect(profiles.board?.requiredSections).toEqual(['Attendees', 'Resolutions', 'Actions'])
    expect(profiles.ops?.paths).toEqual([path('notes/YYYY/YYYY-MM-DD-ops.md')])
    expect(profiles.ops?.requiredSections).toEqual(['Present', 'Incidents'])
  })

  test('a file of the following year, added afterwards, is checked under its kind’s profile: its wrong title date and missing section are found', async () => {
    const { text } = await initOn(boardAndOps([2024, 2025]))
    const config = loadConfig(text)
    expect(selectProfile('notes/2026/2026-03-10-board.md', null, config)?.name).toBe('board')
    expect(selectProfile('notes/2026/2026-03-17-ops.md', null, config)?.name).toBe('ops')
    const later = {
      ...boardAndOps([2024, 2025]),
      'notes/2026/2026-03-10-board.md': '# Board meeting 2026-03-09\n\n## Attendees\n\n- Dave Lee (@dlee)\n\n## Actions\n\n- Dave to sign the lease\n',
      'notes/2026/2026-03-17-ops.md': '# Ops sync 2026-03-17\n\n## Present\n\nDave\n\n## Incidents\n\nNone.\n',
    }
    const report = await previewCheck(inputOf(later), text)
    expect(findingsOf(report)).toEqual([
      'notes/2026/2026-03-10-board.md:1 required-section Missing section “Resolutions”: add a heading `## Resolutions`.',
      'notes/2026/2026-03-10-board.md:1 title-date-matches-filename The title says 2026-03-09 but the path `2026/2026-03-10-board.md` says 2026-03-10; fix whichever is wrong.',
    ])
    expect(report.files.find((file) => file.path === 'notes/2026/2026-03-10-board.md')?.actionItems.map((item) => [item.owners, item.text])).toEqual([[['dlee'], 'sign the lease']])
  })
})

describe('kinds of meeting sharing a folder, told apart by front matter', () => {
  function kinds(): Record<string, string> {
    const files: Record<string, string> = {}
    for (const day of ['06', '13', '20', '27']) {
      files[`meetings/2026-01-${day}.md`] = `---\ntype: board\n---\n# Board 2026-01-${day}\n\n## Attendees\n\n- @ana\n\n## Resolutions\n\n- Approved.\n`
      files[`meetings/2026-02-${day}.md`] = `---\ntype: ops\n---\n# Ops 2026-02-${day}\n\n## Present\n\n- @ben\n\n## Incidents\n\n- None.\n`
    }
    return files
  }

  test('each kind is a profile with its front matter condition and its own sections', async () => {
    const { written, summary } = await initOn(kinds())
    const profiles = written.profiles as Record<string, { frontMatter?: unknown; requiredSections?: unknown }>
    expect(Object.keys(profiles)).toEqual(['board', 'ops'])
    expect([profiles.board?.frontMatter, profiles.board?.requiredSections]).toEqual([{ type: 'board' }, ['Attendees', 'Resolutions']])
    expect([profiles.ops?.frontMatter, profiles.ops?.requiredSections]).toEqual([{ type: 'ops' }, ['Present', 'Incidents']])
    expect(summary).toContain('  meetings/YYYY-MM-DD.md with type: ops: 4 meetings, 2026-02-06 … 2026-02-27 → profile “ops”\n')
  })

  test('a new file of either kind is checked under its own kind’s sections', async () => {
    const { text } = await initOn(kinds())
    const later = {
      ...kinds(),
      'meetings/2026-03-06.md': '---\ntype: ops\n---\n# Ops 2026-03-06\n\n## Present\n\n- @ben\n\n## Resolutions\n\n- x\n',
    }
    expect(findingsOf(await previewCheck(inputOf(later), text))).toEqual([
      'meetings/2026-03-06.md:4 required-section Missing section “Incidents”: add a heading `## Incidents`.',
    ])
  })
})

describe('init also fits the action-item grammar', () => {
  test('the ACTION: marker, the ## Actions lists and the names written alone go into the configuration, with their counts', async () => {
    const { inference, written, summary } = await initOn(boardAndOps([2024, 2025]))
    expect(inference.actionItems.markers).toEqual([{ phrase: 'ACTION', uses: 16, files: 8 }])
    // Where the built-in grammar learns `Actions` as a label (issue 20's grammar work), init needs not add it.
    expect(inference.actionItems.labels).toEqual(actionsBuiltIn ? [] : [{ phrase: 'Actions', uses: 16, files: 8 }])
    // Dave and Bob stand alone in the ops minutes, beside their handles in the board's.
    expect(inference.actionItems.people.map(({ name, handle, paired, alone }) => [name, handle, paired, alone])).toEqual([
      ['Bob', 'bstone', 8, 8],
      ['Dave', 'dlee', 8, 8],
    ])
    expect(written.actionItems).toEqual({
      since: '2025-12-17',
      grammar: { markers: ['ACTION'], ...(actionsBuiltIn ? {} : { labels: ['Actions'] }) },
      people: { Bob: 'bstone', Dave: 'dlee' },
    })
    expect(summary).toContain('Action-item markers: “ACTION:” (16 lines naming a person and a task, in 8 files).\n')
    expect(summary).toContain('Names mapped to handles: Bob → bstone (beside the handle in 8 files, alone in 8), Dave → dlee (beside the handle in 8 files, alone in 8).\n')
  })

  test('under the configuration init writes, every item is found with its owner (and without its additions, not)', async () => {
    const { report, input, written } = await initOn(boardAndOps([2024, 2025]))
    const { grammar, people, ...plain } = written.actionItems as Record<string, unknown>
    expect([grammar, people]).not.toContain(undefined)
    const without = await previewCheck(input, stringify({ ...written, actionItems: plain }))
    const owned = (files: typeof report.files) => files.flatMap((file) => file.actionItems).filter((item) => item.owners.length > 0).length
    expect(owned(without.files)).toBeLessThan(32)
    expect(report.files).toHaveLength(16)
    for (const file of report.files) {
      const date = /\d{4}-\d{2}-\d{2}/.exec(file.path)?.[0] as string
      const items = file.actionItems.map((item) => [item.owners, item.text])
      expect(items).toEqual(
        file.path.endsWith('-board.md')
          ? [
              [['dlee'], `circulate the ${date} budget`],
              [['bstone'], `file the ${date} report`],
            ]
          : [
              [['bstone'], `book the room for the ${date} review`],
              [['dlee'], `restart the runner after ${date}`],
            ],
      )
    }
  })

  test('capitals that open lines without naming a person, and names two people share, are left alone', async () => {
    const files: Record<string, string> = {}
    for (const day of ['05', '12', '19', '26']) {
      files[`log/2026-01-${day}.md`] = `# Log 2026-01-${day}\n\nNOTE: the build is slow.\n\nNOTE: we will look at it.\n\n- Sam Roe (@sroe)\n- Sam Poe (@spoe)\n- Sam\n`
    }
    files['log/2026-02-02.md'] = '# Log 2026-02-02\n\nSam was there.\n'
    const { inference } = await initOn(files)
    expect(inference.actionItems).toEqual({ markers: [], labels: [], people: [] })
  })
})

describe('a team heading maps to the folder it names exactly', () => {
  test('“SIG Monitoring” linking its work group’s notes is sig-monitoring/, not sig-monitoring-audit-log-wg/; a committee the words do not name is mapped', async () => {
    const files: Record<string, string> = {
      'sig-monitoring/2026-01-02.md': '# SIG Monitoring 2026-01-02\n',
      'sig-monitoring-audit-log-wg/2026-01-05.md': '# Audit log WG 2026-01-05\n',
      'finance/2026-01-06.md': '# Finance 2026-01-06\n',
    }
    for (const day of ['08', '15', '22']) {
      files[`weekly/2026-01-${day}.md`] = [
        `# Weekly 2026-01-${day}`,
        '',
        '## Team updates',
        '',
        '### SIG Monitoring',
        '',
        'Minutes: [audit log WG](../sig-monitoring-audit-log-wg/2026-01-05.md)',
        '',
        '### Finance Committee',
        '',
        'Minutes: [finance](../finance/2026-01-06.md)',
        '',
      ].join('\n')
    }
    const { inference, written } = await initOn(files)
    expect(inference.teams).toEqual([
      { heading: 'Finance Committee', folder: 'finance', inferable: false },
      { heading: 'SIG Monitoring', folder: 'sig-monitoring', inferable: true },
    ])
    expect(written.teams).toEqual([{ heading: 'Finance Committee', folder: 'finance' }])
  })
})
