import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

// The README's quick start for a repository with history, word for word: a fresh clone of
// this repository beside a minutes repository, no network (npm's registry is a closed port,
// its cache empty), and at the end a working check of the minutes outside the clone.

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')

/** The first `sh` block after "A repository with years of minutes". */
function quickStart(): string {
  const from = README.indexOf('**A repository with years of minutes**')
  const start = README.indexOf('```sh\n', from) + '```sh\n'.length
  return README.slice(start, README.indexOf('```', start))
}

describe('the README quick start for an existing repository', () => {
  test('installs from the clone offline and checks a repository outside it', () => {
    const script = quickStart()
    expect(script.split('\n')[0]).toBe('cd minutes-automation && npm pack && cd ..   # → minutes-automation/minutes-check-0.1.0.tgz')
    const temp = mkdtempSync(join(tmpdir(), 'quick-start-'))
    try {
      const git = (args: string[], cwd: string) => spawnSync('git', args, { cwd, encoding: 'utf8' })
      expect(git(['clone', '--quiet', PROJECT_ROOT, join(temp, 'minutes-automation')], temp).status).toBe(0)
      cpSync(join(PROJECT_ROOT, 'examples', 'minutes-repo'), join(temp, 'your-minutes'), { recursive: true })
      // Minutes with history and no configuration yet: the example without its .github/.
      rmSync(join(temp, 'your-minutes', '.github'), { recursive: true, force: true })
      expect(git(['init', '--quiet'], join(temp, 'your-minutes')).status).toBe(0)
      // Not npm's own run: no INIT_CWD nor npm_* from the test runner; a registry nobody answers.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|GITHUB_)/i.test(name)))
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: temp,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...env,
          npm_config_registry: 'http://127.0.0.1:9/',
          npm_config_cache: join(temp, 'npm-cache'),
          npm_config_fetch_retries: '0',
          npm_config_fetch_timeout: '2000',
          npm_config_update_notifier: 'false',
          GIT_AUTHOR_NAME: 'Newcomer',
          GIT_AUTHOR_EMAIL: 'newcomer@example.org',
          GIT_COMMITTER_NAME: 'Newcomer',
          GIT_COMMITTER_EMAIL: 'newcomer@example.org',
        },
      })
      expect({ status: run.status, output: run.status === 0 ? '' : run.stdout + run.stderr.split('\n').filter((line) => !line.startsWith('npm notice')).join('\n') }).toEqual({ status: 0, output: '' })
      expect(run.stdout).toMatch(/\d+ files? checked: 0 errors, /)
      expect(existsSync(join(temp, 'your-minutes', '.github', 'minutes.yml'))).toBe(true)
      expect(git(['show', '--stat', '--format=%s', 'HEAD'], join(temp, 'your-minutes')).stdout).toMatch(/^minutes-automation: configuration and suppressions\n[\s\S]*\.github\/minutes-suppressions\.json/)
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  }, 180_000)
})
