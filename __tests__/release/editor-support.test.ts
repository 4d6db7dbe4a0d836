import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../../src/config/load-config.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/config.schema.json'), 'utf8')) as { $id: string }
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')

describe('editor support for .github/minutes.yml', () => {
  test('the schema’s $id is where editors can fetch it: the raw file at a release tag', () => {
    expect(schema.$id).toMatch(/^https:\/\/raw\.githubusercontent\.com\/minutes-automation\/minutes-automation\/v\d+\.\d+\.\d+\/schemas\/config\.schema\.json$/)
  })

  test('the README shows the yaml-language-server line with that URL', () => {
    expect(readme).toContain(`# yaml-language-server: $schema=${schema.$id}\n`)
  })

  test('a $schema key is accepted and changes nothing', () => {
    expect(loadConfig(`$schema: ${schema.$id}\nrepository: acme/minutes\n`)).toEqual(loadConfig('repository: acme/minutes\n'))
  })

  test('other unknown top-level keys are still refused', () => {
    expect(() => loadConfig('$schemas: x\n')).toThrow(/^\.github\/minutes\.yml:1:1: `\$schemas` is not a known key \(known keys: \$schema, .*\); did you mean `\$schema`\?$/)
  })
})
