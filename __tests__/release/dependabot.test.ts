import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

// The workflow validator does not know dependabot.yml; its shape is checked here.
test('dependabot updates the npm packages and the workflows’ actions, weekly, from the root', () => {
  const config = parseYaml(readFileSync(join(PROJECT_ROOT, '.github/dependabot.yml'), 'utf8')) as { version: number; updates: Array<Record<string, unknown>> }
  expect(config.version).toBe(2)
  expect(config.updates.map(({ 'package-ecosystem': ecosystem, directory, schedule }) => ({ ecosystem, directory, schedule }))).toEqual([
    { ecosystem: 'npm', directory: '/', schedule: { interval: 'weekly' } },
    { ecosystem: 'github-actions', directory: '/', schedule: { interval: 'weekly' } },
  ])
  for (const update of config.updates) {
    expect(Object.keys(update).filter((key) => !['package-ecosystem', 'directory', 'schedule', 'groups', 'ignore'].includes(key))).toEqual([])
  }
})
