import { describe, expect, test } from '@jest/globals'
import { compareConfig } from '../../src/config/compare-config.js'
import { loadConfig } from '../../src/config/load-config.js'

const base = loadConfig('repository: acme/minutes\n')

describe('compareConfig: what a changed configuration switches off or raises', () => {
  test('the same configuration: nothing', () => {
    expect(compareConfig(base, loadConfig('repository: acme/minutes\n'))).toEqual({ weakenings: [], otherChanges: [] })
  })

  test('rules off and lowered, budgets raised, exclusions, paths and sections dropped, placeholders added', () => {
    const head = loadConfig(
      [
        'repository: acme/minutes',
        'exclude: [node_modules/**, .github/**, community-call/**]',
        'placeholders: [postponed]',
        'limits: {maxFileBytes: 10000000, maxNesting: 50}',
        'profiles:',
        '  team:',
        '    rules: {title-date: off, link-target-exists: warning, encoding: error}',
        '  weekly:',
        "    paths: ['community-call/YYYY-MM-DD.md']",
        '    requiredSections: [Meta]',
        '',
      ].join('\n'),
    )
    expect(compareConfig(base, head)).toEqual({
      weakenings: [
        { kind: 'paths-removed', profile: 'weekly', paths: ['community-call/YYYYMMDD.md'] },
        { kind: 'sections-dropped', profile: 'weekly', sections: ['Team updates'] },
        { kind: 'rule-off', profile: 'team', rule: 'title-date', was: 'error' },
        { kind: 'rule-lowered', profile: 'team', rule: 'link-target-exists', was: 'error', now: 'warning' },
        // maxNesting lowered is stricter: not listed.
        { kind: 'limit-raised', limit: 'maxFileBytes', was: 1_000_000, now: 10_000_000 },
        { kind: 'exclude-added', pattern: 'community-call/**' },
        { kind: 'placeholders-added', phrases: ['postponed'] },
      ],
      otherChanges: [],
    })
  })

  test('a new profile takes files first: its paths and the rules it does not run are named', () => {
    const head = loadConfig("repository: acme/minutes\nprofiles:\n  quiet:\n    paths: ['**/*.md']\n    rules: {title-date: off, title-heading: off, title-date-matches-filename: off, required-section: off, minute-taker: off, team-minutes-link: off, team-minutes-missing: off, link-target-exists: off}\n")
    expect(compareConfig(base, head).weakenings).toEqual([
      {
        kind: 'profile-added',
        profile: 'quiet',
        paths: ['**/*.md'],
        off: ['title-date', 'title-heading', 'title-date-matches-filename', 'required-section', 'minute-taker', 'team-minutes-link', 'team-minutes-missing', 'link-target-exists'],
      },
    ])
  })

  test('stricter settings are not weakenings; other keys that differ are named', () => {
    const head = loadConfig(
      "repository: acme/other\nlimits: {maxFileSeconds: 2}\nactionItems: {people: {Sam: sam-k}, since: '2026-01-01'}\nprofiles:\n  notes:\n    rules: {link-target-exists: {suggestWithinDays: 3}}\n",
    )
    expect(compareConfig(base, head)).toEqual({
      weakenings: [],
      otherChanges: ['profiles.notes.ruleOptions', 'repository', 'actionItems.people', 'actionItems.since'],
    })
  })

  test('hosts removed from externalImages.hosts are named as what external-image-copied no longer checks; hosts added are stricter; its other keys are named by key', () => {
    const withHosts = loadConfig('repository: acme/minutes\nexternalImages: {hosts: [input.scs.community, pad.example.org, hedgedoc.example.org]}\n')
    const fewer = loadConfig('repository: acme/minutes\nexternalImages: {hosts: [Pad.Example.org], folder: images}\n')
    expect(compareConfig(withHosts, fewer)).toEqual({
      weakenings: [{ kind: 'image-hosts-removed', hosts: ['input.scs.community', 'hedgedoc.example.org'] }],
      otherChanges: ['externalImages.folder'],
    })
    // Every host removed (the key dropped): the rule checks nothing any more.
    expect(compareConfig(withHosts, base).weakenings).toEqual([{ kind: 'image-hosts-removed', hosts: ['input.scs.community', 'pad.example.org', 'hedgedoc.example.org'] }])
    expect(compareConfig(base, withHosts)).toEqual({ weakenings: [], otherChanges: [] })
    expect(compareConfig(base, loadConfig('repository: acme/minutes\nexternalImages: {maxBytes: 20000000}\n'))).toEqual({ weakenings: [], otherChanges: ['externalImages.maxBytes'] })
  })

  test('suppressions added or raised; lowered or removed ones are not weakenings', () => {
    const comparison = compareConfig(base, base, {
      base: { 'a.md': { 'title-date': { count: 1 } }, 'b.md': { encoding: { count: 3 } } },
      head: { 'a.md': { 'title-date': { count: 4 } }, 'b.md': { encoding: { count: 1 } }, 'c.md': { 'minute-taker': { count: 1 } } },
    })
    expect(comparison.weakenings).toEqual([
      { kind: 'suppression-added', path: 'a.md', rule: 'title-date', was: 1, now: 4 },
      { kind: 'suppression-added', path: 'c.md', rule: 'minute-taker', was: 0, now: 1 },
    ])
  })
})
