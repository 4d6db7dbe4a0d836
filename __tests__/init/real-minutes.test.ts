import { describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'
import { checkWorkspace } from '../../src/check/check-repository.js'
import { DEFAULT_RULE_LEVELS } from '../../src/config/defaults.js'
import { configDocument } from '../../src/init/config-document.js'
import { configSupport } from '../../src/init/config-support.js'
import { inferConfiguration } from '../../src/init/infer-config.js'
import { previewCheck } from '../../src/init/preview.js'
import type { RunReport } from '../../src/report/types.js'
import { profilePath } from '../../test-support/date-glob.js'
import { readInitInput } from '../../test-support/init-input.js'
import { REAL_MINUTES, REAL_REPOSITORY, describeRealMinutes } from '../../test-support/real-minutes.js'

const SAMPLE = resolve(REAL_MINUTES, '../scs-minutes-sample')
const support = configSupport()
const COMMUNITY_CALL = profilePath('community-call/YYYYMMDD.md', support)

function findingsOf(report: RunReport): string[] {
  return report.files.flatMap((file) => file.findings.map((finding) => `${file.path}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`))
}

async function initOn(root: string) {
  const input = await readInitInput(root)
  const inference = inferConfiguration(input, support)
  const text = configDocument(inference, support)
  return { input, inference, text, written: parse(text), report: await previewCheck(input, text) }
}

describeRealMinutes('init on the real minutes (scs-minutes)', () => {
  test('infers the weekly call: Meta with the minute-taker, team updates (or team sections), project updates', async () => {
    const { inference, written } = await initOn(REAL_MINUTES)
    expect(inference.repository).toEqual({ name: REAL_REPOSITORY, links: 11 })
    expect(written.repository).toBe(REAL_REPOSITORY)
    expect(inference.slideDecks).toBe(1)
    expect(inference.datePatterns).toEqual(['**/YYYYMMDD.md'])
    expect(inference.newestMeeting).toBe('2023-05-04')
    // Named `weekly` where built-in profiles are tried first (its paths then replace the built-in ones).
    const weekly = Object.values(written.profiles).find((profile) => (profile as { paths: string[] }).paths.includes(COMMUNITY_CALL))
    expect(weekly).toEqual({
      paths: [COMMUNITY_CALL],
      rules: DEFAULT_RULE_LEVELS,
      requiredSections: ['Meta', { name: 'Team updates', satisfiedByTeamSections: true }, 'Project Updates'],
      minuteTaker: { section: 'Meta', labels: ['Minutes'] },
    })
    // Every team heading names its folder in words the engine reads: no mapping needed.
    expect(inference.teams.every((team) => team.inferable)).toBe(true)
    expect(written.teams).toBeUndefined()
  })

  test('finds everything the built-in configuration finds, plus the sections two files lack', async () => {
    const { report } = await initOn(REAL_MINUTES)
    const builtIn = await checkWorkspace({ root: REAL_MINUTES, repository: REAL_REPOSITORY })
    const inferred = findingsOf(report)
    const known = findingsOf(builtIn.report)
    expect(known.filter((finding) => !inferred.includes(finding))).toEqual([])
    expect(inferred.filter((finding) => !known.includes(finding))).toEqual([
      'community-call/20230504.md:1:1 required-section Missing section “Project Updates”: add a heading `## Project Updates`.',
      'iaas/20220928.md:1:1 required-section Missing section “Participants (preferably github handles)” (or “Participants”): add a heading `## Participants (preferably github handles)`.',
    ])
  })
})

const describeSample = existsSync(SAMPLE) ? describe : describe.skip
if (!existsSync(SAMPLE)) process.stderr.write(`Skipping “init on the larger real sample”: ${SAMPLE} is absent.\n`)

describeSample('init on the larger real sample (scs-minutes-sample)', () => {
  test('every naming of the real repository becomes a date pattern; suffixed and hackathon minutes are checked', async () => {
    const { inference, report, written } = await initOn(SAMPLE)
    expect(inference.datePatterns).toEqual(['**/YYYYMMDD-*.md', '**/YYYYMMDD.md', 'hackathons/YYYY-MM-DD-*/*.md'])
    expect(inference.slideDecks).toBe(8)
    const weekly = inference.profiles.find((profile) => profile.paths.includes(COMMUNITY_CALL))
    expect(weekly?.requiredSections.map((section) => [section.name, section.files])).toEqual([
      ['Meta', 8],
      ['Team updates', 8],
      ['Project Updates', 8],
    ])
    expect(Object.keys(written.profiles)).toEqual(inference.profiles.map((profile) => profile.name))
    const checked = new Set(report.files.map((file) => file.path))
    const dated = inference.series.flatMap((series) => series.series.files.map((file) => file.path))
    expect(dated.length).toBe(148) // of 158: 8 slide decks, and 2 notes that are not one meeting
    expect(dated.filter((path) => !checked.has(path))).toEqual([])
    for (const path of ['container/20220808-overflow.md', 'ops-iam/20221011-workshop.md', 'sig-standardization/20230704-special.md', 'hackathons/2022-09-27-gx-hackathon-5/minutes.md']) {
      expect(dated).toContain(path)
    }
    // The hackathon notes carry no date in their titles: the title-date rules are off for them.
    const hackathons = inference.profiles.find((profile) => profile.paths.includes(profilePath('hackathons/YYYY-MM-DD-*/*.md', support)))
    expect(hackathons?.rules['title-date']).toBe('off')
  })
})
