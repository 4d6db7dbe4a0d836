import { describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { parse } from 'yaml'
import { loadConfig } from '../../src/config/load-config.js'
import { DEFAULT_RULE_LEVELS } from '../../src/config/defaults.js'
import { CONFIG_SCHEMA_URL, configDocument } from '../../src/init/config-document.js'
import { configSupport } from '../../src/init/config-support.js'
import { inferConfiguration, type Inference } from '../../src/init/infer-config.js'
import { previewCheck } from '../../src/init/preview.js'
import type { RunReport } from '../../src/report/types.js'
import { readInitInput } from '../../test-support/init-input.js'
import { profilePath } from '../../test-support/date-glob.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

/**
 * `init` on repositories of other layouts that we wrote (examples/other-layouts): the
 * configuration it writes must find each tree's planted defects, listed in its README, and
 * nothing else.
 */
const LAYOUTS = join(PROJECT_ROOT, 'examples/other-layouts')
const support = configSupport()
const path = (pattern: string) => profilePath(pattern, support)

/**
 * A title date that differs from a dashed or nested file-name date is found once the engine
 * reads dates from any path (`datePatterns`, the date-of-path work of issue 8); before that
 * the file name `2026-02-05.md` holds no date the engine knows.
 */
const engineReadsPathDates = support.datePatterns

async function initOn(name: string): Promise<{ inference: Inference; text: string; report: RunReport }> {
  const input = await readInitInput(join(LAYOUTS, name))
  const inference = inferConfiguration(input, support)
  const text = configDocument(inference, support)
  return { inference, text, report: await previewCheck(input, text) }
}

function findingsOf(report: RunReport): string[] {
  return report.files.flatMap((file) =>
    file.findings.map((finding) => `${file.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`),
  )
}

/** What init writes for a series it recognises: every rule at its default level. */
const ALL_ON = DEFAULT_RULE_LEVELS
const NO_STRUCTURE = { ...ALL_ON, 'required-section': 'off', 'minute-taker': 'off', 'team-minutes-link': 'off', 'team-minutes-missing': 'off' }

describe('init on a steering committee (meetings/YYYY-MM-DD.md, ## Present, ## Agenda)', () => {
  test('infers the series, its sections with the spelling seen as an alias, the scribe and the committee folders', async () => {
    const { text } = await initOn('steering-committee')
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`)
    const written = parse(text)
    expect(written.teams).toEqual([{ heading: 'Finance Committee', folder: 'finance' }])
    expect(Object.keys(written.profiles)).toEqual(['meetings', 'finance', 'outreach'])
    expect(written.profiles.meetings).toEqual({
      paths: [path('meetings/YYYY-MM-DD.md')],
      rules: ALL_ON,
      requiredSections: [
        'Present',
        { name: 'Committee reports', satisfiedByTeamSections: true },
        'Discussion',
        'Action items',
      ],
      minuteTaker: { section: 'Present', labels: ['Scribe'] },
    })
    expect(written.profiles.finance).toEqual({
      paths: [path('finance/YYYY-MM-DD.md')],
      rules: { ...NO_STRUCTURE, 'required-section': 'error' },
      requiredSections: ['Attendees', 'Notes'],
    })
    // Two meetings are too few to tell which sections are required.
    expect(written.profiles.outreach).toEqual({ paths: [path('outreach/YYYY-MM-DD.md')], rules: NO_STRUCTURE })
    expect(written.datePatterns).toEqual(support.datePatterns ? ['**/YYYY-MM-DD.md'] : undefined)
    expect(written.actionItems).toEqual(support.actionItemsSince ? { since: '2026-03-19' } : undefined)
  })

  test('the agenda one meeting of six lacks (17 %) is left optional, and init says so with the counts', async () => {
    const { inference, text } = await initOn('steering-committee')
    expect(inference.series.find((series) => series.series.folder === 'meetings')?.optionalSections).toEqual([
      { name: 'Agenda', files: 5, recentFiles: 5, recent: 6, wrapsTeams: false },
      { name: 'Decisions', files: 3, recentFiles: 3, recent: 6, wrapsTeams: false },
    ])
    expect(text).toContain(
      '  # meetings/YYYY-MM-DD.md: 6 meetings, 2026-01-08 … 2026-03-19; dates in titles (6 of 6); left optional: Agenda (5 of 6, 5 of the newest 6), Decisions (3 of 6, 3 of the newest 6)\n',
    )
  })

  test('the configuration finds the planted defects and nothing else', async () => {
    const { report } = await initOn('steering-committee')
    expect(findingsOf(report)).toEqual([
      ...(engineReadsPathDates
        ? [
            'meetings/2026-02-05.md:1:24 error title-date-matches-filename The title says 2026-02-04 but the file name `2026-02-05.md` says 2026-02-05; fix whichever is wrong.',
          ]
        : []),
      'meetings/2026-02-19.md:24:15 error link-target-exists Cannot find `finance/budget-2026.md`.',
      'meetings/2026-03-19.md:16:28 error link-target-exists Cannot find `Charter.md`; did you mean `CHARTER.md`?',
    ])
    expect(report.summary.files).toBe(13)
  })
})

describe('init on a working group (minutes/YYYY/MM-DD.md)', () => {
  test('infers the nested date pattern, the sections and the note taker', async () => {
    const { text, inference } = await initOn('working-group')
    const written = parse(text)
    expect(written.profiles).toEqual({
      minutes: {
        paths: [path('minutes/YYYY/MM-DD.md')],
        // 6 of 7 files name their note taker: a habit, not a requirement (95 %).
        rules: { ...ALL_ON, 'minute-taker': 'warning', 'team-minutes-link': 'off', 'team-minutes-missing': 'off' },
        requiredSections: ['Attendees', 'Agenda', 'Notes'],
        minuteTaker: { section: 'Attendees', labels: ['Note taker'] },
      },
    })
    expect(inference.datePatterns).toEqual(['minutes/YYYY/MM-DD.md'])
    expect(inference.newestMeeting).toBe('2026-02-24')
    expect(written.teams).toBeUndefined()
  })

  test('the configuration finds the planted defects and nothing else', async () => {
    const { report } = await initOn('working-group')
    expect(findingsOf(report)).toEqual([
      'minutes/2025/12-16.md:3:1 warning minute-taker The “Attendees” section names no minute-taker; add `- Note taker: NAME`.',
      ...(engineReadsPathDates
        ? [
            'minutes/2026/01-27.md:1:23 error title-date-matches-filename The title says 2026-01-20 but the path `2026/01-27.md` says 2026-01-27; fix whichever is wrong.',
          ]
        : []),
      'minutes/2026/02-10.md:14:17 error link-target-exists Cannot find `specs/message-format-v2.md`.',
    ])
    expect(report.summary.files).toBe(10)
  })
})

describe('init on a board (YYYY-MM-DD-board.md at the root, date in the front matter)', () => {
  // Where the configuration can name the front matter key, the title rules hold the front
  // matter date to the file name's; before, a title without a date would be an error.
  const frontMatterDate = support.frontMatterDate ? { frontMatterDate: 'date' } : {}
  const titleRules = support.frontMatterDate ? {} : { 'title-date': 'off' }

  test('infers the suffixed pattern at the root, the front-matter date and the secretary', async () => {
    const { text, inference } = await initOn('board')
    const written = parse(text)
    expect(written.profiles).toEqual({
      board: {
        paths: [path('YYYY-MM-DD-board.md')],
        ...frontMatterDate,
        rules: { ...NO_STRUCTURE, ...titleRules, 'required-section': 'error', 'minute-taker': 'error' },
        requiredSections: ['Attendance', 'Reports', 'Adjournment'],
        minuteTaker: { section: 'Attendance', labels: ['Secretary'] },
      },
    })
    expect(inference.series.map((series) => [series.series.pattern, series.datePlace])).toEqual([
      ['YYYY-MM-DD-board.md', { kind: 'front-matter', key: 'date', keyFiles: 6, files: 6, recentFiles: 6, recent: 6, required: true }],
    ])
    expect(inference.newestMeeting).toBe('2026-03-19')
  })

  test('the configuration finds the planted defects and nothing else', async () => {
    const { report } = await initOn('board')
    expect(findingsOf(report)).toEqual([
      '2026-01-15-board.md:19:32 error link-target-exists Cannot find `policies/travel.md`.',
      ...(support.frontMatterDate
        ? [
            '2026-02-19-board.md:1:1 error title-date-matches-filename The front matter says 2026-01-15 but the file name `2026-02-19-board.md` says 2026-02-19; fix whichever is wrong.',
          ]
        : []),
      '2026-03-19-board.md:20:3 error link-target-exists Cannot find `policies/membership-fees.md`.',
    ])
    expect(report.summary.files).toBe(10)
  })
})

describe('the written configuration', () => {
  test.each(['steering-committee', 'working-group', 'board'])('%s: loads, and says where each part came from', async (name) => {
    const { text } = await initOn(name)
    expect(() => loadConfig(text)).not.toThrow()
    expect(text).toMatch(/^ {2}# \S+: \d+ meetings, \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}; dates in /m)
  })
})

describe('init on minutes written any old way', () => {
  test('empty headings, bytes that are not UTF-8, a lone file, odd names: the configuration still loads and checks', async () => {
    const files = new Map<string, Uint8Array | string>([
      ['log/2026-01-05.md', '# 2026-01-05\n\n##\n\nMinutes:\n\n## Notes\n\nScribe: \n'],
      ['log/2026-01-12.md', '# 2026-01-12\n\n## \n\n## Notes\n'],
      ['log/2026-01-19.md', new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a])],
      ['log/2026-01-26.md', '---\ndate: [not, a, date]\n---\n## Notes\n### Team X\n\nMinutes: [x](../nowhere/)\n'],
      ['odd: name/20260101.md', '# 2026-01-01\n'],
    ])
    const input = { paths: [...files.keys()].sort(), files }
    const inference = inferConfiguration(input, support)
    const text = configDocument(inference, support)
    expect(() => loadConfig(text)).not.toThrow()
    const report = await previewCheck(input, text)
    expect(report.files.map((file) => file.path)).toEqual([
      'log/2026-01-05.md',
      'log/2026-01-12.md',
      'log/2026-01-19.md',
      'log/2026-01-26.md',
      'odd: name/20260101.md',
    ])
    expect(report.files.flatMap((file) => file.findings).filter((finding) => finding.rule === 'internal')).toEqual([])
  })

  test('a hostile file among them (4,000 nested list markers) is left out of the inference, not a crash, and the preview gives it its one finding', async () => {
    const input = await readInitInput(join(LAYOUTS, 'steering-committee'))
    const without = inferConfiguration(input, support)
    const hostile = 'meetings/2026-04-02.md'
    const files = new Map(input.files).set(hostile, `# 2026-04-02\n\n${'- '.repeat(4000)}x\n`)
    const withHostile = { ...input, paths: [...input.paths, hostile].sort(), files }
    const inference = inferConfiguration(withHostile, support)
    expect(inference.profiles).toEqual(without.profiles)
    const report = await previewCheck(withHostile, configDocument(inference, support))
    expect(report.files.find((file) => file.path === hostile)?.findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule}`)).toEqual(['3:1 file-too-complex'])
  })
})
