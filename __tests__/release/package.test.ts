import { describe, expect, test } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { PACKAGE_NAME, PROJECT_ROOT } from '../../test-support/project-root.js'

// The npm package is the CLI: `npm pack` → install → `npx minutes-check` (scripts/pack-check.js
// does that in .ci/run). These are the manifest's promises it relies on.

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  name: string
  bin: Record<string, string>
  files: string[]
  engines: Record<string, string>
}

describe('package.json', () => {
  test('is the minutes-check package, public, MIT, with the licence file beside it', () => {
    expect(manifest.name).toBe(PACKAGE_NAME)
    expect(manifest.private).toBeUndefined()
    expect(manifest.license).toBe('MIT')
    expect(readFileSync(join(PROJECT_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
  })

  test('has no runtime dependencies: dist/cli is one ncc bundle', () => {
    expect(manifest.dependencies ?? {}).toEqual({})
    expect(manifest.optionalDependencies ?? {}).toEqual({})
    expect(manifest.peerDependencies ?? {}).toEqual({})
  })

  test('the minutes-check command is the executable CLI bundle, shipped with its licences', () => {
    expect(manifest.bin).toEqual({ 'minutes-check': 'dist/cli/index.js' })
    const bundle = join(PROJECT_ROOT, 'dist/cli/index.js')
    expect(readFileSync(bundle, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    expect(statSync(bundle).mode & 0o111).not.toBe(0)
    expect(manifest.files).toEqual(expect.arrayContaining(['dist/cli/', 'LICENSE']))
    expect(readFileSync(join(PROJECT_ROOT, 'dist/cli/licenses.txt'), 'utf8')).toMatch(/^unified$/m)
  })

  test('the action runs on node24; the CLI asks for the oldest Node it runs on (CI runs its smoke test there)', () => {
    const action = parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
    expect(action.runs.using).toBe('node24')
    expect(manifest.engines).toEqual({ node: '>=20' })
    expect(readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8')).toContain('scripts/cli-smoke.js')
  })

  test('dist/licenses.txt lists the licences of what the action bundles', () => {
    const licences = readFileSync(join(PROJECT_ROOT, 'dist/licenses.txt'), 'utf8')
    for (const bundled of ['@actions/core', '@octokit/plugin-throttling', 'ajv', 'remark-parse', 'yaml']) expect(licences).toMatch(new RegExp(`^${bundled}\\n(MIT|ISC)\\n`, 'm'))
  })

  test('.gitattributes marks dist/ as generated', () => {
    expect(readFileSync(join(PROJECT_ROOT, '.gitattributes'), 'utf8')).toMatch(/^dist\/\*\* linguist-generated=true/m)
  })
})
