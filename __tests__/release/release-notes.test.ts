import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { changelogSection, readReleaseTree, releaseProblems, schemaUrl } from '../../scripts/release-notes.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Something new.

## [0.2.0] - 2026-12-10

### Added

- Suppressions.

### Fixed

- A crash.

## [0.1.0] - 2026-11-30

- First release.

[Unreleased]: https://github.com/minutes-automation/minutes-automation/compare/v0.2.0...HEAD
[0.2.0]: https://github.com/minutes-automation/minutes-automation/compare/v0.1.0...v0.2.0
[0.1.0]: https://github.com/minutes-automation/minutes-automation/releases/tag/v0.1.0
`

const ready = { packageVersion: '0.2.0', schemaId: schemaUrl('v0.2.0'), changelog: CHANGELOG }

describe('release notes and the release check (scripts/release-notes.ts)', () => {
  test('the notes are the version’s section, up to the next version', () => {
    expect(changelogSection(CHANGELOG, '0.2.0')).toBe('### Added\n\n- Suppressions.\n\n### Fixed\n\n- A crash.')
  })

  test('the last section stops at the link definitions', () => {
    expect(changelogSection(CHANGELOG, '0.1.0')).toBe('- First release.')
  })

  test('no section, no notes', () => {
    expect(changelogSection(CHANGELOG, '0.3.0')).toBeNull()
  })

  test('a tree that names the tag’s version everywhere may be released', () => {
    expect(releaseProblems('v0.2.0', ready)).toEqual([])
  })

  test('each disagreement is named with its fix', () => {
    expect(releaseProblems('v0.3.0', ready)).toEqual([
      'package.json says version 0.2.0, the tag v0.3.0: set "version": "0.3.0".',
      `schemas/config.schema.json has $id ${schemaUrl('v0.2.0')}; for v0.3.0 it is ${schemaUrl('v0.3.0')}.`,
      'CHANGELOG.md has no section “## [0.3.0] - YYYY-MM-DD” (move the Unreleased entries into it).',
    ])
  })

  test('a section without its date, or an empty one, is refused', () => {
    expect(releaseProblems('v0.2.0', { ...ready, changelog: CHANGELOG.replace('## [0.2.0] - 2026-12-10', '## [0.2.0]') })).toEqual([
      "CHANGELOG.md's heading “## [0.2.0]” lacks its date: “## [0.2.0] - YYYY-MM-DD”.",
    ])
    expect(releaseProblems('v0.2.0', { ...ready, changelog: '## [0.2.0] - 2026-12-10\n\n## [0.1.0] - 2026-11-30\n' })).toEqual(['CHANGELOG.md\'s section for 0.2.0 is empty.'])
  })

  test('only vMAJOR.MINOR.PATCH tags are released', () => {
    expect(releaseProblems('v1', ready)).toEqual(['The tag “v1” is not vMAJOR.MINOR.PATCH.'])
    expect(releaseProblems('v1.0.0-rc.1', ready)).toEqual(['The tag “v1.0.0-rc.1” is not vMAJOR.MINOR.PATCH.'])
  })

  test('this tree: CHANGELOG.md has an Unreleased section, a dated 0.1.0 section, and the schema’s $id is a release’s raw URL', () => {
    const tree = readReleaseTree(PROJECT_ROOT)
    expect(tree.changelog.split('\n')).toEqual(expect.arrayContaining(['## [Unreleased]', expect.stringMatching(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}$/)]))
    expect(changelogSection(tree.changelog, '0.1.0')).toMatch(/\S/)
    expect(tree.schemaId).toMatch(/^https:\/\/raw\.githubusercontent\.com\/minutes-automation\/minutes-automation\/v\d+\.\d+\.\d+\/schemas\/config\.schema\.json$/)
  })

  test('the release workflow runs this check on the tag and creates the release from its output', () => {
    const workflow = readFileSync(join(PROJECT_ROOT, '.github/workflows/release.yml'), 'utf8')
    expect(workflow).toContain('node scripts/release-notes.ts "$GITHUB_REF_NAME" > "$RUNNER_TEMP/notes.md"')
    expect(workflow).toContain('--notes-file "$RUNNER_TEMP/notes.md"')
    expect(workflow).toContain("tags: ['v[0-9]+.[0-9]+.[0-9]+']")
  })
})
