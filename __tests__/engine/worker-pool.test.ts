import { afterAll, describe, expect, test } from '@jest/globals'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { checkInWorkers, defaultJobs, WorkersUnavailable, youngGenerationFor } from '../../src/check/check-pool.js'
import { checkWorkspace } from '../../src/check/check-repository.js'
import { loadConfig } from '../../src/config/load-config.js'
import { bundleBuilt, CLI_BUNDLE, checkJson, repoWith } from '../../test-support/hostile.js'
import { PROJECT_ROOT, REAL_MINUTES, realMinutesAvailable } from '../../test-support/real-minutes.js'

const EXAMPLES = join(PROJECT_ROOT, 'examples/minutes-repo')
const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('worker count', () => {
  const file = (content: string | Uint8Array, index = 0) => ({ path: `a/2026010${index}.md`, content })
  const files = (count: number) => Array.from({ length: count }, (_, index) => file('# 2026-01-01\n', index))

  test('default: one per core, at most one per file, none for one or two ordinary files', () => {
    expect(defaultJobs(files(1))).toBe(0)
    expect(defaultJobs(files(2))).toBe(0)
    expect(defaultJobs(files(3))).toBeGreaterThanOrEqual(1)
    expect(defaultJobs(files(3))).toBeLessThanOrEqual(3)
  })

  test('one worker, so that the time budget applies, for a lone file larger than 100 KB or with a line over 10,000 characters', () => {
    const longLine = `# 2026-01-01\n\n${'[x]'.repeat(3_334)}\n` // 10,002 characters
    expect(defaultJobs([file(longLine)])).toBe(1)
    expect(defaultJobs([file(new TextEncoder().encode(longLine))])).toBe(1)
    expect(defaultJobs([file('# 2026-01-01\n'), file(`${'- item\n'.repeat(15_000)}`, 1)])).toBe(1) // 105 KB of short lines
    expect(defaultJobs([file(`# 2026-01-01\n\n${'x'.repeat(10_000)}\n`)])).toBe(0) // a line of exactly 10,000
    expect(defaultJobs([file(`${'- item\n'.repeat(14_000)}`)])).toBe(0) // 98 KB
  })

  test('young generation: 32 MB each, V8\'s own size when the run holds an unusual file (its parse makes garbage by the hundred MB)', () => {
    expect(youngGenerationFor(files(3))).toBe(32)
    expect(youngGenerationFor([...files(3), file(`${'- item\n'.repeat(15_000)}`, 4)])).toBeNull()
    expect(youngGenerationFor([file(`# 2026-01-01\n\n${'[x]'.repeat(3_334)}\n`)])).toBeNull()
  })
})

const describeBuilt = bundleBuilt ? describe : describe.skip
if (!bundleBuilt) process.stderr.write(`Skipping the worker pool runs: ${CLI_BUNDLE} is not built (npm run build).\n`)

describeBuilt('the worker pool', () => {
  test('the output is the same, byte for byte, whatever the number of workers', async () => {
    // The real minutes where they are present (24 files), else our examples (7).
    const tree = realMinutesAvailable ? REAL_MINUTES : EXAMPLES
    const args = realMinutesAvailable ? ['--repository', 'SovereignCloudStack/minutes'] : []
    const single = await checkJson(tree, [...args, '--jobs', '0'])
    expect(single.report.files.length).toBeGreaterThan(5)
    for (const jobs of ['1', '2', '3', '7']) {
      const parallel = await checkJson(tree, [...args, '--jobs', jobs])
      expect(JSON.stringify(parallel.report)).toBe(JSON.stringify(single.report))
      expect(parallel.code).toBe(single.code)
    }
  }, 300_000)

  test('when workers cannot start, the run checks in the main thread', async () => {
    const broken = repoWith(null, { 'broken-worker.mjs': "throw new Error('no workers here')\n" })
    roots.push(broken)
    const config = loadConfig(null)
    await expect(checkInWorkers([{ path: 'a/20260101.md', content: '# x' }], { config, allPaths: [] }, { jobs: 1, workerScript: join(broken, 'broken-worker.mjs') })).rejects.toBeInstanceOf(
      WorkersUnavailable,
    )
    const viaWorkers = await checkWorkspace({ root: EXAMPLES, workerScript: join(broken, 'broken-worker.mjs'), jobs: 2 })
    const inThread = await checkWorkspace({ root: EXAMPLES })
    expect(viaWorkers.report).toEqual(inThread.report)
  }, 120_000)
})

test('--jobs takes a whole number', async () => {
  const root = repoWith(null, { 'x.txt': '' })
  roots.push(root)
  await expect(checkJson(root, ['--jobs', 'many'])).rejects.toThrow('--jobs must be a whole number from 0 to 256, not “many”')
})
