import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CONFIG } from '../../src/config/defaults.js'
import { selectProfile } from '../../src/config/profiles.js'
import { buildMinutesModel, frontMatterOf } from '../../src/model/build-model.js'
import { summarizeModel, validateModelSummary } from '../../src/model/model-summary.js'
import { indexRepository } from '../../src/repo/repo-index.js'
import { folderCandidates, inferTeamFolder } from '../../src/model/team-folder.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { listRepoFiles } from '../../src/read/local-repo.js'
import { REAL_MINUTES, describeRealMinutes } from '../../test-support/real-minutes.js'

const FOLDERS = new Set(['iaas', 'container', 'iam', 'ops', 'ops-iam', 'sig-documentation', 'sig-standardization'])

describe('team folders from headings', () => {
  test.each([
    ['Team IaaS', 'iaas'],
    ['Team Container', 'container'],
    ['Team Operations and IAM', 'ops-iam'],
    ['Team Ops/IAM', 'ops-iam'],
    ['Team IAM & IAM Hacking Session', 'iam'],
    ['SIG Documentation', 'sig-documentation'],
    ['SIG Standardization & Certification', 'sig-standardization'],
    ['Team Ops', 'ops'],
    ['SIG Monitoring (Audit Logging breakout )', null],
    ['Open Hacking Session', null],
  ])('%s → %s', (heading, folder) => {
    expect(inferTeamFolder(heading, FOLDERS, [])).toBe(folder)
  })

  test('candidates, most specific first', () => {
    expect(folderCandidates('Monitoring SIG')).toEqual(['sig-monitoring', 'monitoring'])
    expect(folderCandidates('Team Operations and IAM')).toEqual(['ops-iam', 'team-ops-iam', 'ops', 'team-ops', 'iam', 'team-iam'])
  })

  test('a mapping in the configuration comes first, then the folder the Minutes: line links to', () => {
    expect(inferTeamFolder('Team IaaS', FOLDERS, [{ heading: 'team iaas', folder: 'infra' }])).toBe('infra')
    expect(inferTeamFolder('Team IaaS', FOLDERS, [], 'iaas-team')).toBe('iaas-team')
  })
})

describe('title and team sections of our own minutes', () => {
  const weekly = DEFAULT_CONFIG.profiles.find((profile) => profile.name === 'weekly')!
  const index = indexRepository(['iaas/20260105.md', 'community-call/20260107.md'])
  const modelOf = (markdown: string) => {
    const tree = parseMarkdown(markdown)
    return summarizeModel(buildMinutesModel(tree, { path: 'community-call/20260107.md', profile: weekly, config: DEFAULT_CONFIG, index, frontMatter: null }))
  }

  test('team headings under a heading of another name (## Project updates / ### Team IaaS) are the team sections', () => {
    const model = modelOf('# 2026-01-07\n\n## Project updates\n\n### Team IaaS\n\nMinutes: None yet\n\n### SIG Docs\n\n- notes\n\n## AOB\n')
    expect(model.teams.map((team) => team.title)).toEqual(['Team IaaS', 'SIG Docs'])
  })

  test('the title is a dated heading that opens the document, even at level 2 with a level-1 section further down', () => {
    expect(modelOf('## 2026-01-07\n\n- notes\n\n# Code of conduct\n\n- more\n').title).toBe('2026-01-07')
    expect(modelOf('## Participants\n\n- @a\n\n# Weekly 2026-01-07\n').title).toBe('Weekly 2026-01-07')
  })

  test('a title date written another way: read by the file name, or kept ambiguous in the summary the schema describes', () => {
    const resolved = modelOf('# Weekly 01/07/2026\n')
    expect(resolved.titleDate).toEqual({ raw: '01/07/2026', normalized: '2026-01-07', valid: true, canonical: false, line: 1, column: 10 })
    const ambiguous = modelOf('# Weekly 02/07/2026\n')
    expect(ambiguous.titleDate).toEqual({
      raw: '02/07/2026',
      normalized: '2026-07-02',
      valid: false,
      canonical: false,
      ambiguous: ['2026-07-02', '2026-02-07'],
      line: 1,
      column: 10,
    })
    expect(ambiguous.date).toBe('2026-01-07')
    expect(validateModelSummary(ambiguous)).toEqual([])
    expect(validateModelSummary({ ...ambiguous, titleDate: { ...ambiguous.titleDate!, ambiguous: ['2026-07-02'] as never } })).not.toEqual([])
  })
})

describeRealMinutes('the minutes model of the real weekly files', () => {
  const weekly = DEFAULT_CONFIG.profiles.find((profile) => profile.name === 'weekly')
  if (!weekly) throw new Error('no weekly profile')

  async function modelOf(path: string) {
    const index = indexRepository(await listRepoFiles(REAL_MINUTES))
    const config = { ...DEFAULT_CONFIG, repository: 'SovereignCloudStack/minutes' }
    const tree = parseMarkdown(readFileSync(join(REAL_MINUTES, path), 'utf8'))
    return summarizeModel(buildMinutesModel(tree, { path, profile: weekly!, config, index, frontMatter: frontMatterOf(tree) }))
  }

  // The engine does not validate models at run time: this test does, on every real file.
  test('the model of every real minutes file matches schemas/minutes-model.schema.json', async () => {
    const paths = await listRepoFiles(REAL_MINUTES)
    const index = indexRepository(paths)
    const config = { ...DEFAULT_CONFIG, repository: 'SovereignCloudStack/minutes' }
    const problems: string[] = []
    let checked = 0
    for (const path of paths.filter((candidate) => candidate.endsWith('.md'))) {
      const tree = parseMarkdown(readFileSync(join(REAL_MINUTES, path), 'utf8'))
      const frontMatter = frontMatterOf(tree)
      const profile = selectProfile(path, frontMatter, config)
      if (!profile) continue
      checked++
      for (const problem of validateModelSummary(summarizeModel(buildMinutesModel(tree, { path, profile, config, index, frontMatter })))) {
        problems.push(`${path}: ${problem}`)
      }
    }
    expect(problems).toEqual([])
    expect(checked).toBeGreaterThanOrEqual(20)
  })

  test('20230119: dates, minute-taker, team sections with their folders and Minutes: lines', async () => {
    const model = await modelOf('community-call/20230119.md')
    expect(validateModelSummary(model)).toEqual([])
    expect(model).toMatchObject({ date: '2023-01-19', fileDate: '2023-01-19', minuteTaker: 'Jonas', title: 'SCS Tech Weekly 2023-01-19' })
    expect(model.teams.map((team) => [team.title, team.kind, team.placeholder, team.folder])).toEqual([
      ['Team IaaS', 'link', null, 'iaas'],
      ['Team Container', 'placeholder', 'None present yet', 'container'],
      ['Team Ops/IAM', 'placeholder', 'None present yet', 'ops-iam'],
      ['SIG Monitoring (Audit Logging breakout )', 'placeholder', 'None present yet', null],
      ['SIG Community', 'none', null, null],
      ['SIG Market', 'none', null, null],
    ])
  })

  test('20230504: teams at level 2 and a minute-taker handle', async () => {
    const model = await modelOf('community-call/20230504.md')
    expect(model.minuteTaker).toBe('@jschoone')
    expect(model.teams.map((team) => team.title)).toEqual(['Team IaaS', 'Team Ops', 'SIG Monitoring', 'Team IAM', 'SIG Standardization & Certification'])
    expect(model.teams[0]?.links).toEqual(['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20230503.md'])
  })

  test('20220929: the folder link of a placeholder names the team folder', async () => {
    const model = await modelOf('community-call/20220929.md')
    expect(model.teams.find((team) => team.title === 'Team Operations and IAM')).toMatchObject({ kind: 'placeholder', folder: 'ops-iam' })
  })
})
