import { describe, expect, test } from '@jest/globals'
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import { ConfigError, loadConfig } from '../../src/config/load-config.js'
import { DEFAULT_CONFIG } from '../../src/config/defaults.js'
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
    expect(loadConfig('').profiles.map((profile) => profile.name)).toEqual(['slides', 'weekly', 'team'])
  })

  test('a profile is merged over the built-in one of the same name; new profiles are added', () => {
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
    expect(config.profiles.map((profile) => profile.name)).toEqual(['slides', 'weekly', 'team', 'board'])
    expect(config.repository).toBe('acme/minutes')
    expect(config.exclude).toEqual(['drafts/**'])
  })

  test('a bad key is an error naming the key, with the known rules', () => {
    expect(errorOf('profiles:\n  weekly:\n    rules:\n      title-dat: error\n')).toBe(
      `.github/minutes.yml: \`profiles.weekly.rules.title-dat\` is not a known key (known rules: ${RULE_IDS.join(', ')})`,
    )
    expect(errorOf('colour: blue\n')).toBe('.github/minutes.yml: `colour` is not a known key')
  })

  test('a bad value names the key and what it may be', () => {
    expect(errorOf('profiles:\n  weekly:\n    rules: {encoding: loud}\n')).toBe(
      '.github/minutes.yml: `profiles.weekly.rules.encoding` must be one of error, warning, info, off',
    )
    expect(errorOf('suggestWithinDays: "3"\n')).toBe('.github/minutes.yml: `suggestWithinDays` must be integer')
    expect(errorOf('repository: not a repo\n')).toBe('.github/minutes.yml: `repository` must match pattern "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"')
  })

  test('actionItems.since: a calendar day, written YYYY-MM-DD (quoted or not); default none', () => {
    expect(loadConfig(null).actionItems.since).toBeNull()
    expect(loadConfig('actionItems:\n  since: 2026-01-01\n').actionItems.since).toBe('2026-01-01')
    expect(loadConfig('actionItems:\n  since: "2026-01-01"\n').actionItems.since).toBe('2026-01-01')
    expect(errorOf('actionItems:\n  since: 2026-02-30\n')).toBe('.github/minutes.yml: `actionItems.since` must be a date written YYYY-MM-DD')
    expect(errorOf('actionItems:\n  since: 1.1.2026\n')).toBe('.github/minutes.yml: `actionItems.since` must be a date written YYYY-MM-DD')
  })

  test('invalid YAML is an error with its position', () => {
    expect(errorOf('profiles:\n  weekly: [unclosed\n')).toMatch(/^\.github\/minutes\.yml:3:1: invalid YAML: /)
  })

  test('duplicate keys are refused', () => {
    expect(errorOf('suggestWithinDays: 3\nsuggestWithinDays: 4\n')).toMatch(/invalid YAML: Map keys must be unique/)
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

  test('files no profile applies to, and excluded ones, get none', () => {
    expect(selectProfile('README.md', null, DEFAULT_CONFIG)).toBeNull()
    expect(selectProfile('iaas/README.md', null, DEFAULT_CONFIG)).toBeNull()
    expect(selectProfile('iaas/notes.md', null, DEFAULT_CONFIG)).toBeNull()
    expect(selectProfile('a/b/20230322.md', null, DEFAULT_CONFIG)).toBeNull()
  })
})
