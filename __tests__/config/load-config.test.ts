import { describe, expect, test } from '@jest/globals'
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import { ConfigError, loadConfig } from '../../src/config/load-config.js'
import { DEFAULT_CONFIG, DEFAULT_RULE_LEVELS } from '../../src/config/defaults.js'
import { selectProfile } from '../../src/config/profiles.js'
import { RULE_IDS } from '../../src/constants.js'

function errorOf(text: string): string {
  try {
    loadConfig(text, '.github/minutes.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  test('no file: the built-in defaults', () => {
    expect(loadConfig(null)).toBe(DEFAULT_CONFIG)
  })

  test('an empty file is the defaults too', () => {
    expect(loadConfig('').profiles.map((profile) => profile.name)).toEqual(['slides', 'weekly', 'team', 'special', 'notes'])
  })

  test('a profile is merged over the built-in one of the same name; new profiles are added, tried first', () => {
    const config = loadConfig(
      [
        'repository: acme/minutes',
        'profiles:',
        '  weekly:',
        '    paths: ["weekly/*.md"]',
        '    rules: {encoding: warning, minute-taker: off}',
        '  board:',
        '    paths: ["board/**/*.md"]',
        '    rules: {title-date: error}',
        'exclude: ["drafts/**"]',
      ].join('\n'),
    )
    const weekly = config.profiles.find((profile) => profile.name === 'weekly')
    expect(weekly?.paths).toEqual(['weekly/*.md'])
    expect(weekly?.rules.encoding).toBe('warning')
    expect(weekly?.rules['minute-taker']).toBe('off')
    expect(weekly?.rules['link-target-exists']).toBe('error')
    expect(weekly?.requiredSections.map((section) => section.name)).toEqual(['Meta', 'Team updates'])
    expect(config.profiles.map((profile) => profile.name)).toEqual(['board', 'slides', 'weekly', 'team', 'special', 'notes'])
    expect(config.repository).toBe('acme/minutes')
    expect(config.exclude).toEqual(['drafts/**'])
  })

  test('a bad key is an error at the key, naming it, with the known keys and the one it likely meant', () => {
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      title-dat: error\n')).toBe(
      `.github/minutes.yml:4:7: \`profiles.weekly.rules.title-dat\` is not a known key (known rules: ${RULE_IDS.join(', ')}); did you mean \`title-date\`?`,
    )
    // Two letters swapped is one edit.
    expect(errorOf('profiles:\n  weekly:\n    pahts: ["weekly/*.md"]\n')).toBe(
      '.github/minutes.yml:3:5: `profiles.weekly.pahts` is not a known key (known keys: extends, paths, frontMatter, template, agendaLabel, kind, frontMatterDate, rules, requiredSections, minuteTaker); did you mean `paths`?',
    )
    // Nothing close: no guess.
    expect(errorOf('colour: blue\n')).toBe('.github/minutes.yml:1:1: `colour` is not a known key (known keys: $schema, repository, datePatterns, exclude, profiles, teams, placeholders, teamMinutesWindow, suggestWithinDays, actionItems, limits, externalImages)')
    expect(errorOf('limits:\n  maxFileSecond: 3\n')).toBe(
      '.github/minutes.yml:2:3: `limits.maxFileSecond` is not a known key (known keys: maxFileBytes, maxFileSeconds, maxNesting, maxActionItems); did you mean `maxFileSeconds`?',
    )
  })

  test('a misspelt level quotes what was written, says what is allowed and the one it likely meant, at the value', () => {
    expect(errorOf('rules:\n  title-date: eror\n')).toBe(
      '.github/minutes.yml:1:1: `rules` is not a known key (known keys: $schema, repository, datePatterns, exclude, profiles, teams, placeholders, teamMinutesWindow, suggestWithinDays, actionItems, limits, externalImages)',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      title-date: eror\n')).toBe(
      '.github/minutes.yml:4:19: `profiles.weekly.rules.title-date` is “eror”; it must be one of error, warning, info, off; did you mean “error”?',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      title-date: Error\n')).toBe(
      '.github/minutes.yml:4:19: `profiles.weekly.rules.title-date` is “Error”; it must be one of error, warning, info, off; did you mean “error”?',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      encoding: warnign\n')).toBe(
      '.github/minutes.yml:4:17: `profiles.weekly.rules.encoding` is “warnign”; it must be one of error, warning, info, off; did you mean “warning”?',
    )
    // `on` is two edits from `off`, its opposite: no guess for so short a word.
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      encoding: "on"\n')).toBe(
      '.github/minutes.yml:4:17: `profiles.weekly.rules.encoding` is “on”; it must be one of error, warning, info, off',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      title-date: 3\n')).toBe(
      '.github/minutes.yml:4:19: `profiles.weekly.rules.title-date` is 3; it must be a level (error, warning, info, off) or a mapping such as {level: error}',
    )
  })

  test('a value quoted from the file stays on one log line and is cut short', () => {
    expect(errorOf('repository: "acme\\n::error::forged"\n')).toBe(
      '.github/minutes.yml:1:13: `repository` is “acme\\n::error::forged”; it must be written OWNER/REPO, e.g. acme/minutes',
    )
    expect(errorOf(`repository: "${'word '.repeat(40)}"\n`)).toBe(
      `.github/minutes.yml:1:13: \`repository\` is “${'word '.repeat(11).trim()}…”; it must be written OWNER/REPO, e.g. acme/minutes`,
    )
    expect(errorOf('datePatterns: ["x\\r::error::forged/YYYY"]\n')).toBe(
      '.github/minutes.yml:1:16: `datePatterns[0]` “x\\r::error::forged/YYYY”: has no MM; a pattern holds YYYY, MM and DD (written twice, a token stands for the same digits)',
    )
  })

  test('a bad value names the key and what it may be', () => {
    expect(errorOf('profiles:\n  weekly:\n    rules: {encoding: loud}\n')).toBe(
      '.github/minutes.yml:3:23: `profiles.weekly.rules.encoding` is “loud”; it must be one of error, warning, info, off',
    )
    expect(errorOf('suggestWithinDays: "3"\n')).toBe('.github/minutes.yml:1:20: `suggestWithinDays` is the string “3”; it must be a whole number')
    expect(errorOf('profiles:\n  weekly:\n    template: 3\n')).toBe('.github/minutes.yml:3:15: `profiles.weekly.template` is 3; it must be a string or null')
    expect(errorOf('profiles:\n  weekly:\n    requiredSections: [Meta, 3]\n')).toBe(
      '.github/minutes.yml:3:30: `profiles.weekly.requiredSections[1]` is 3; it must be a string or a mapping (key: value)',
    )
    expect(errorOf('limits:\n  maxFileSeconds:\n')).toBe('.github/minutes.yml:2:3: `limits.maxFileSeconds` is empty (null); it must be a number')
    expect(errorOf('repository: not a repo\n')).toBe('.github/minutes.yml:1:13: `repository` is “not a repo”; it must be written OWNER/REPO, e.g. acme/minutes')
    expect(errorOf('profiles:\n  weekly board:\n    paths: [a.md]\n')).toBe(
      '.github/minutes.yml:2:3: `profiles` has the key “weekly board”; it must be made of letters, digits, - and _',
    )
    expect(errorOf('teams:\n  - heading: Ops\n')).toBe('.github/minutes.yml:2:5: `teams[0]` must have the key `folder`')
    expect(errorOf('just text\n')).toBe('.github/minutes.yml:1:1: `(top level)` is the string “just text”; it must be a mapping (key: value)')
  })

  test('the budgets are capped: a configuration cannot raise them past sane maximums (issue 17)', () => {
    expect(errorOf('limits:\n  maxFileBytes: 50000000\n  maxFileSeconds: 600\n')).toBe(
      '.github/minutes.yml:2:17: `limits.maxFileBytes` is 50000000; it must be at most 10000000; .github/minutes.yml:3:19: `limits.maxFileSeconds` is 600; it must be at most 30',
    )
    expect(errorOf('limits:\n  maxNesting: 5000\n  maxActionItems: 100000\n')).toBe(
      '.github/minutes.yml:2:15: `limits.maxNesting` is 5000; it must be at most 1000; .github/minutes.yml:3:19: `limits.maxActionItems` is 100000; it must be at most 10000',
    )
    expect(errorOf('limits:\n  maxFileSeconds: 0\n')).toBe('.github/minutes.yml:2:19: `limits.maxFileSeconds` is 0; it must be more than 0')
    expect(loadConfig('limits:\n  maxFileBytes: 10000000\n  maxFileSeconds: 30\n').limits).toEqual({ maxFileBytes: 10_000_000, maxFileSeconds: 30, maxNesting: 100, maxActionItems: 1000 })
  })

  test('actionItems.since: a calendar day, written YYYY-MM-DD (quoted or not); default none', () => {
    expect(loadConfig(null).actionItems.since).toBeNull()
    expect(loadConfig('actionItems:\n  since: 2026-01-01\n').actionItems.since).toBe('2026-01-01')
    expect(loadConfig('actionItems:\n  since: "2026-01-01"\n').actionItems.since).toBe('2026-01-01')
    expect(errorOf('actionItems:\n  since: 2026-02-30\n')).toBe('.github/minutes.yml:2:10: `actionItems.since` is “2026-02-30”; it must be a date written YYYY-MM-DD')
    expect(errorOf('actionItems:\n  since: 1.1.2026\n')).toBe('.github/minutes.yml:2:10: `actionItems.since` is “1.1.2026”; it must be a date written YYYY-MM-DD')
  })

  test('template and agendaLabel: per profile, kept through extends, absent by default', () => {
    const config = loadConfig('profiles:\n  weekly:\n    template: community-call/template.md\n    agendaLabel: agenda\n  board:\n    extends: weekly\n    paths: [board/YYYY-MM-DD.md]\n    agendaLabel: null\n')
    const profile = (name: string) => config.profiles.find((candidate) => candidate.name === name)
    expect([profile('weekly')?.template, profile('weekly')?.agendaLabel]).toEqual(['community-call/template.md', 'agenda'])
    expect([profile('board')?.template, profile('board')?.agendaLabel]).toEqual(['community-call/template.md', null])
    expect(profile('team')).not.toHaveProperty('template')
    expect(() => loadConfig('profiles:\n  weekly:\n    agendaLabel: ""\n')).toThrow(ConfigError)
  })

  test('invalid YAML is an error with its position', () => {
    expect(errorOf('profiles:\n  weekly: [unclosed\n')).toMatch(/^\.github\/minutes\.yml:3:1: invalid YAML: /)
  })

  test('duplicate keys are refused', () => {
    expect(errorOf('suggestWithinDays: 3\nsuggestWithinDays: 4\n')).toMatch(/invalid YAML: Map keys must be unique/)
  })

  test('a new profile starts with every rule at its default level; `extends` starts from another', () => {
    const config = loadConfig(
      [
        'profiles:',
        '  steering:',
        '    paths: ["meetings/YYYY-MM-DD.md"]',
        '    requiredSections: [Present, Agenda]',
        '  board:',
        '    extends: team',
        '    paths: ["board/*.md"]',
        '    rules: {title-heading: off}',
        '  board-special:',
        '    extends: board',
        '    paths: ["board/special/*.md"]',
        '  weekly:',
        '    extends: weekly',
        '    rules: {minute-taker: warning}',
      ].join('\n'),
    )
    const byName = (name: string) => config.profiles.find((profile) => profile.name === name)
    expect(byName('steering')?.rules).toEqual(DEFAULT_RULE_LEVELS)
    expect(byName('steering')?.requiredSections.map((section) => section.name)).toEqual(['Present', 'Agenda'])
    const team = byName('team')
    expect(byName('board')).toEqual({ ...team, name: 'board', paths: ['board/*.md'], rules: { ...team?.rules, 'title-heading': 'off' } })
    expect(byName('board-special')).toEqual({ ...byName('board'), name: 'board-special', paths: ['board/special/*.md'] })
    expect(byName('weekly')?.rules['minute-taker']).toBe('warning')
    expect(byName('weekly')?.requiredSections.map((section) => section.name)).toEqual(['Meta', 'Team updates'])
  })

  test('`extends` naming no profile, or profiles extending each other, is an error naming the key', () => {
    expect(errorOf('profiles:\n  board:\n    extends: bored\n')).toBe(
      '.github/minutes.yml:3:14: `profiles.board.extends`: there is no profile `bored` (profiles: slides, weekly, team, special, notes, board)',
    )
    expect(errorOf('profiles:\n  board:\n    extends: weekyl\n')).toBe(
      '.github/minutes.yml:3:14: `profiles.board.extends`: there is no profile `weekyl` (profiles: slides, weekly, team, special, notes, board); did you mean `weekly`?',
    )
    expect(errorOf('profiles:\n  a:\n    extends: b\n  b:\n    extends: a\n')).toBe(
      '.github/minutes.yml:3:14: `profiles.a.extends`: profiles extend each other in a circle (a → b → a)',
    )
    expect(errorOf('profiles:\n  board:\n    extends: board\n')).toBe('.github/minutes.yml:3:14: `profiles.board.extends`: a profile cannot extend itself')
  })

  test('rule options live under the rule; a level alone keeps them, options alone keep the level', () => {
    const config = loadConfig(
      [
        'profiles:',
        '  weekly:',
        '    rules:',
        '      link-target-exists: {level: warning, suggestWithinDays: 5}',
        '  team:',
        '    rules:',
        '      link-target-exists: {suggestWithinDays: 1}',
        '      minute-taker: {}',
      ].join('\n'),
    )
    const byName = (name: string) => config.profiles.find((profile) => profile.name === name)
    expect(byName('weekly')?.rules['link-target-exists']).toBe('warning')
    expect(byName('weekly')?.ruleOptions).toEqual({ 'link-target-exists': { suggestWithinDays: 5 } })
    expect(byName('team')?.rules['link-target-exists']).toBe('error')
    expect(byName('team')?.rules['minute-taker']).toBe('error')
    expect(byName('team')?.ruleOptions).toEqual({ 'link-target-exists': { suggestWithinDays: 1 }, 'minute-taker': {} })
    expect(byName('notes')?.ruleOptions).toEqual({})
  })

  test('the deprecated top-level suggestWithinDays applies where a profile does not set the option', () => {
    const config = loadConfig('suggestWithinDays: 7\nprofiles:\n  team:\n    rules:\n      link-target-exists: {suggestWithinDays: 2}\n')
    const options = Object.fromEntries(config.profiles.map((profile) => [profile.name, profile.ruleOptions['link-target-exists']]))
    expect(options).toEqual({
      slides: { suggestWithinDays: 7 },
      weekly: { suggestWithinDays: 7 },
      team: { suggestWithinDays: 2 },
      special: { suggestWithinDays: 7 },
      notes: { suggestWithinDays: 7 },
    })
  })

  test('a bad rule option is an error naming the key', () => {
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      link-target-exists: {level: error, suggestWithinDays: -1}\n')).toBe(
      '.github/minutes.yml:4:61: `profiles.weekly.rules.link-target-exists.suggestWithinDays` is -1; it must be at least 0',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      link-target-exists: {suggestWithin: 3}\n')).toBe(
      '.github/minutes.yml:4:28: `profiles.weekly.rules.link-target-exists.suggestWithin` is not a known key (known keys: level, suggestWithinDays)',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      encoding: {level: loud}\n')).toBe(
      '.github/minutes.yml:4:25: `profiles.weekly.rules.encoding.level` is “loud”; it must be one of error, warning, info, off',
    )
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      encoding: {suggestWithinDays: 3}\n')).toBe(
      '.github/minutes.yml:4:18: `profiles.weekly.rules.encoding.suggestWithinDays` is not a known key (known keys: level)',
    )
  })

  test('`$schema` is accepted; datePatterns replace the built-ins and are checked', () => {
    const config = loadConfig('$schema: https://example.com/config.schema.json\ndatePatterns: ["minutes/YYYY/MM-DD.md"]\n')
    expect(config.datePatterns).toEqual(['minutes/YYYY/MM-DD.md'])
    expect(errorOf('datePatterns: ["**/YYYY.md"]\n')).toBe('.github/minutes.yml:1:16: `datePatterns[0]` “**/YYYY.md”: has no MM; a pattern holds YYYY, MM and DD (written twice, a token stands for the same digits)')
    expect(errorOf('datePatterns: ["**/MMDD.md"]\n')).toBe('.github/minutes.yml:1:16: `datePatterns[0]` is “**/MMDD.md”; it must be a pattern holding YYYY, MM and DD')
  })

  test('frontMatterDate names the front matter key of the meeting date', () => {
    const config = loadConfig('profiles:\n  board:\n    paths: ["board/*.md"]\n    frontMatterDate: date\n')
    expect(config.profiles[0]).toMatchObject({ name: 'board', frontMatterDate: 'date' })
  })

  test('the schema lists exactly the rules of the registry', () => {
    expect(Object.keys(configSchema.definitions.profile.properties.rules.properties)).toEqual([...RULE_IDS])
  })
})

describe('selectProfile', () => {
  test('front matter `type: slide` wins over the path', () => {
    expect(selectProfile('community-call/20231005.md', { type: 'slide' }, DEFAULT_CONFIG)?.name).toBe('slides')
    expect(selectProfile('community-call/20231005.md', null, DEFAULT_CONFIG)?.name).toBe('weekly')
    expect(selectProfile('iaas/20230322.md', null, DEFAULT_CONFIG)?.name).toBe('team')
  })

  test('dashed names, suffixes, dated folders and nested dates get a dated profile; other Markdown gets notes', () => {
    const profileOf = (path: string) => selectProfile(path, null, DEFAULT_CONFIG)?.name ?? null
    expect(profileOf('sig-release/2023-09-14.md')).toBe('team')
    expect(profileOf('minutes/2026/05/06.md')).toBe('team')
    expect(profileOf('wg/2026/05-06.md')).toBe('team')
    expect(profileOf('a/b/20230322.md')).toBe('team')
    expect(profileOf('container/20220808-overflow.md')).toBe('special')
    expect(profileOf('hackathons/2022-09-27-gx-hackathon-5/minutes.md')).toBe('special')
    expect(profileOf('hackathons/2023-07-18-api-mini-hackathon.md')).toBe('special')
    expect(profileOf('README.md')).toBe('notes')
    expect(profileOf('iaas/notes.md')).toBe('notes')
    expect(profileOf('hackathons/2022-09-pco-cloudmon-hackathon/minutes.md')).toBe('notes')
  })

  test('excluded files and files that are not Markdown get none', () => {
    expect(selectProfile('.github/PULL_REQUEST_TEMPLATE.md', null, DEFAULT_CONFIG)).toBeNull()
    expect(selectProfile('node_modules/x/README.md', null, DEFAULT_CONFIG)).toBeNull()
    expect(selectProfile('iaas/diagram.png', null, DEFAULT_CONFIG)).toBeNull()
  })

  test('a new profile is tried before the built-in ones; date tokens in its globs stand for digits', () => {
    const config = loadConfig('profiles:\n  steering:\n    paths: ["meetings/YYYY-MM-DD.md"]\n')
    expect(selectProfile('meetings/2026-05-06.md', null, config)?.name).toBe('steering')
    expect(selectProfile('meetings/agenda.md', null, config)?.name).toBe('notes')
    expect(selectProfile('meetings/YYYY-MM-DD.md', null, config)?.name).toBe('notes')
  })
})
