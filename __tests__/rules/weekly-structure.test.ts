import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

const PATH = 'community-call/20230323.md'

function weekly(body: string, extra: Record<string, string> = {}) {
  return { [PATH]: `# Tech Weekly 2023-03-23\n\n${body}`, ...extra }
}

const META = '## Meta\n\n- Minutes: Jonas\n\n'

describe('required-section', () => {
  test('Meta and Team updates present, in any case', () => {
    const repo = weekly(`${META}## TEAM UPDATES\n\n### Team IaaS\n\nMinutes: None yet\n`)
    expect(findingsOf(checkInMemory(repo, PATH), 'required-section')).toEqual([])
  })

  test('missing sections are named, with their accepted aliases', () => {
    expect(findingsOf(checkInMemory(weekly('## Agenda\n\n- stuff\n'), PATH), 'required-section')).toEqual([
      '1:1 error required-section Missing section “Meta”: add a heading `## Meta`.',
      '1:1 error required-section Missing section “Team updates” (or “Updates from the teams”, “Team reports”): add a heading `## Team updates`.',
    ])
  })

  test('team sections directly at level 2 stand for the Team updates section', () => {
    const repo = weekly(`${META}## Team IaaS\n\nMinutes: None yet\n\n- work\n`)
    expect(findingsOf(checkInMemory(repo, PATH), 'required-section')).toEqual([])
  })

  test('a configuration can require other sections', () => {
    const configYaml = 'profiles:\n  weekly:\n    requiredSections: [Meta, AOB]\n'
    const repo = weekly(`${META}## Team IaaS\n\nMinutes: None yet\n`)
    expect(findingsOf(checkInMemory(repo, PATH, { configYaml }), 'required-section')).toEqual([
      '1:1 error required-section Missing section “AOB”: add a heading `## AOB`.',
    ])
  })
})

describe('minute-taker', () => {
  test('a list item, a paragraph, or a handle names the minute-taker', () => {
    for (const meta of ['- Minutes: Jonas', 'Minutes: @jschoone', '* Minute-taker: Kurt']) {
      const repo = weekly(`## Meta\n\n${meta}\n\n## Team updates\n`)
      expect(findingsOf(checkInMemory(repo, PATH), 'minute-taker')).toEqual([])
    }
  })

  test('a Meta section without one', () => {
    const repo = weekly('## Meta\n\n- Moderation: Kurt\n- Minutes:\n\n## Team updates\n')
    expect(findingsOf(checkInMemory(repo, PATH), 'minute-taker')).toEqual([
      '3:1 error minute-taker The “Meta” section names no minute-taker; add `- Minutes: NAME`.',
    ])
  })

  test('no Meta section at all', () => {
    expect(findingsOf(checkInMemory(weekly('## Team updates\n'), PATH), 'minute-taker')).toEqual([
      '1:1 error minute-taker No minute-taker: add `- Minutes: NAME` under `## Meta`.',
    ])
  })
})

describe('team-minutes-link', () => {
  test('a team section with content but no Minutes: line', () => {
    const repo = weekly(`${META}## Team updates\n\n### Team Container\n\n- R4 retro\n`)
    expect(findingsOf(checkInMemory(repo, PATH), 'team-minutes-link')).toEqual([
      "9:1 warning team-minutes-link “Team Container” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
    ])
  })

  test('names the minutes when the team has them for that week', () => {
    const repo = weekly(`${META}## Team updates\n\n### Team Container\n\n- R4 retro\n`, { 'container/20230320.md': '# 2023-03-20\n' })
    const report = checkInMemory(repo, PATH)
    expect(findingsOf(report, 'team-minutes-link')).toEqual([
      "9:1 warning team-minutes-link “Team Container” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`; `container/20230320.md` exists.",
    ])
    expect(report?.findings.find((f) => f.rule === 'team-minutes-link')?.suggestion).toBe('container/20230320.md')
  })

  test('empty team sections, non-team sections and sections with a Minutes: line pass', () => {
    const body = `${META}## Team updates\n\n### Monitoring SIG\n\n### AOB\n\n- nothing\n\n### Team IaaS\n\nMinutes: None yet\n\n- work\n`
    expect(findingsOf(checkInMemory(weekly(body), PATH), 'team-minutes-link')).toEqual([])
  })
})

describe('team-minutes-missing', () => {
  const body = `${META}## Team updates\n\n### Team IAM & IAM Hacking Session\n\nMinutes: None yet\n\n- Keystone\n`

  test('a placeholder while the team minutes of that week exist names the file', () => {
    const report = checkInMemory(weekly(body, { 'iam/20230322.md': '# 2023-03-22\n' }), PATH)
    expect(findingsOf(report, 'team-minutes-missing')).toEqual([
      '11:1 warning team-minutes-missing “Team IAM & IAM Hacking Session” says “None yet”, but `iam/20230322.md` exists; link it.',
    ])
  })

  test('a placeholder with no minutes to link is only noted', () => {
    expect(findingsOf(checkInMemory(weekly(body, { 'iam/20230301.md': '# 2023-03-01\n' }), PATH), 'team-minutes-missing')).toEqual([
      '11:1 info team-minutes-missing “Team IAM & IAM Hacking Session” links no minutes (“None yet”).',
    ])
  })

  test('any spelling of the placeholder, and extra ones from the configuration', () => {
    for (const written of ['None', '(none yet)', 'Not merged yet', 'None present yet', 'NONE YET.']) {
      const repo = weekly(`${META}## Team Ops\n\nMinutes: ${written}\n`, { 'ops/20230323.md': '# 2023-03-23\n' })
      expect(findingsOf(checkInMemory(repo, PATH), 'team-minutes-missing')).toEqual([
        `9:1 warning team-minutes-missing “Team Ops” says “${written}”, but \`ops/20230323.md\` exists; link it.`,
      ])
    }
    const repo = weekly(`${META}## Team Ops\n\nMinutes: kommt noch\n`)
    const configYaml = 'placeholders: ["kommt noch"]\n'
    expect(findingsOf(checkInMemory(repo, PATH, { configYaml }), 'team-minutes-missing')).toEqual([
      '9:1 info team-minutes-missing “Team Ops” links no minutes (“kommt noch”).',
    ])
  })

  test('a link to the minutes passes', () => {
    const repo = weekly(`${META}## Team Ops\n\nMinutes: [ops](../ops/20230323.md)\n`, { 'ops/20230323.md': '# 2023-03-23\n' })
    expect(findingsOf(checkInMemory(repo, PATH))).toEqual([])
  })

  test('the configuration maps a heading to its folder', () => {
    const repo = weekly(`${META}## Team Lasagne\n\nMinutes: None yet\n`, { 'pasta/20230323.md': '# 2023-03-23\n' })
    const configYaml = 'teams:\n  - heading: Team Lasagne\n    folder: pasta\n'
    expect(findingsOf(checkInMemory(repo, PATH, { configYaml }), 'team-minutes-missing')).toEqual([
      '9:1 warning team-minutes-missing “Team Lasagne” says “None yet”, but `pasta/20230323.md` exists; link it.',
    ])
  })
})
