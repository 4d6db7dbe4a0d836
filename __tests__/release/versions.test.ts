import { describe, expect, test } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

// Every place that names a release (the install line, the schema URLs editors fetch, the
// `@vX.Y.Z` pin, the CHANGELOG's newest section, `--version`) names the one package.json
// holds: a README that installs a release nobody tagged fails here, not on a newcomer's machine.

const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version
const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8')

/** The files users read or get that may name a release. */
const NAMING = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'action.yml', 'src/init/config-document.ts',
  ...readdirSync(join(PROJECT_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
  ...readdirSync(join(PROJECT_ROOT, 'schemas')).filter((name) => name.endsWith('.json')).map((name) => `schemas/${name}`)]

/** A release named by its tag, its tarball or its package spec. */
const RELEASE_NAMES = [
  /minutes-automation\/minutes-automation[/@]v(\d+\.\d+\.\d+)/g,
  /releases\/download\/v(\d+\.\d+\.\d+)\//g,
  /minutes-check-(\d+\.\d+\.\d+)\.tgz/g,
  /minutes-check@(\d+\.\d+\.\d+)/g,
]

function namedVersions(text: string): string[] {
  return RELEASE_NAMES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''))
}

describe('version strings', () => {
  test('the pattern sees the release names it is meant to', () => {
    expect(namedVersions('npm install https://github.com/minutes-automation/minutes-automation/releases/download/v0.2.0/minutes-check-0.2.0.tgz')).toEqual(['0.2.0', '0.2.0'])
    expect(namedVersions('uses: minutes-automation/minutes-automation@v1.2.3 and $schema=https://raw.githubusercontent.com/minutes-automation/minutes-automation/v9.0.0/schemas/x.json')).toEqual(['1.2.3', '9.0.0'])
  })

  test(`README, docs, schema URLs and init's configuration name version ${version}, the one package.json holds`, () => {
    const wrong = NAMING.flatMap((path) => namedVersions(read(path)).filter((named) => named !== version).map((named) => `${path}: ${named}`))
    expect(wrong).toEqual([])
    // The README names the release at least in its install line and the schema URL.
    expect(namedVersions(read('README.md')).length).toBeGreaterThanOrEqual(3)
    expect((JSON.parse(read('schemas/config.schema.json')) as { $id: string }).$id).toContain(`/v${version}/`)
  })

  test(`CHANGELOG's newest release section is ${version}, and Unreleased compares from its tag`, () => {
    const changelog = read('CHANGELOG.md')
    const released = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map((match) => match[1])
    expect(released[0]).toBe(version)
    expect(changelog).toContain(`[Unreleased]: https://github.com/minutes-automation/minutes-automation/compare/v${version}...HEAD`)
  })

  test('minutes-check --version prints it', async () => {
    let out = ''
    expect(await runCli(['--version'], { cwd: PROJECT_ROOT, stdout: (text) => { out += text }, stderr: () => {} })).toBe(0)
    expect(out).toBe(`${version}\n`)
  })
})
