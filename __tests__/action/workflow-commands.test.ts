import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../../src/action/workflow-commands.js'

// The action writes workflow commands itself (src/action/workflow-commands.ts) instead of
// importing @actions/core, which would load undici. Whatever it writes must be what
// @actions/core writes for the same call: core is the oracle here.

const TRICKY = ['plain', '50% done\r\nline 2: a,b', '::error::injected', '', '%0A already escaped', 'ünïcödé 🎉']
const PROPERTIES: runner.AnnotationProperties[] = [
  {},
  { file: 'team/20261119.md', startLine: 3, startColumn: 5, endLine: 3, endColumn: 9, title: 'link: broken, 50%' },
  { file: 'a,b:c.md', startLine: 0, title: '' },
  { title: 'only a title\nwith a newline' },
]

let written: string[]
let temp: string
const savedEnv = { ...process.env }

beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  temp = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...savedEnv }
  process.exitCode = undefined
  rmSync(temp, { recursive: true, force: true })
})

/** What `write` prints, and the files it appends to, with the random output delimiters made equal. */
function capture(write: () => void, files: string[] = []): string {
  written = []
  for (const file of files) writeFileSync(file, '')
  write()
  const text = [written.join(''), ...files.map((file) => readFileSync(file, 'utf8'))].join('\n--\n')
  return text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID')
}

describe('workflow commands are written as @actions/core writes them', () => {
  test.each(TRICKY)('info %j', (message) => {
    expect(capture(() => runner.info(message))).toBe(capture(() => core.info(message)))
  })

  for (const level of ['error', 'warning', 'notice'] as const) {
    test.each(TRICKY.flatMap((message) => PROPERTIES.map((properties) => [message, properties] as const)))(`${level} %j %j`, (message, properties) => {
      const ours = capture(() => runner[level](message, properties))
      expect(ours).toBe(capture(() => core[level](message, properties)))
      expect(ours.startsWith(`::${level}`)).toBe(true)
    })
  }

  test('setFailed: the error command and exit code 1', () => {
    const ours = capture(() => runner.setFailed('Minutes checks found 2 errors: 50%\nsee log'))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    expect(ours).toBe(capture(() => core.setFailed('Minutes checks found 2 errors: 50%\nsee log')))
    expect(process.exitCode).toBe(1)
  })

  test.each<unknown>(['a value', 'two\nlines', 3, 0, { items: ['x'] }, [1, 2], ''])('setOutput %j to GITHUB_OUTPUT', (value) => {
    const output = join(temp, 'output')
    process.env.GITHUB_OUTPUT = output
    const ours = capture(() => runner.setOutput('action-items', value), [output])
    expect(ours).toContain('action-items<<ghadelimiter_UUID')
    expect(ours).toBe(capture(() => core.setOutput('action-items', value), [output]))
  })

  test('setOutput without GITHUB_OUTPUT: the old set-output command', () => {
    delete process.env.GITHUB_OUTPUT
    const ours = capture(() => runner.setOutput('errors', 'a,b:c\n%'))
    expect(ours).toContain('::set-output name=errors::')
    expect(ours).toBe(capture(() => core.setOutput('errors', 'a,b:c\n%')))
  })

  test('setOutput: a GITHUB_OUTPUT that does not exist is an error, as in core', () => {
    process.env.GITHUB_OUTPUT = join(temp, 'missing')
    expect(() => runner.setOutput('errors', 1)).toThrow(`Missing file at path: ${join(temp, 'missing')}`)
    expect(() => core.setOutput('errors', 1)).toThrow(`Missing file at path: ${join(temp, 'missing')}`)
  })

  test.each([['github-token', '  ghs_x \n'], ['paths', 'a/*.md,\n b/*.md\n'], ['fail on', ' warning ']])('getInput %s', (name, value) => {
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    expect(runner.getInput(name)).toBe(core.getInput(name))
    expect(runner.getInput(name)).toBe(value.trim())
    expect(runner.getInput('not-given')).toBe('')
  })

  test('appendSummary appends to GITHUB_STEP_SUMMARY as summary.addRaw().write() does', async () => {
    const ours = join(temp, 'ours')
    const theirs = join(temp, 'theirs')
    for (const [file, write] of [
      [ours, (text: string) => runner.appendSummary(text)],
      [theirs, async (text: string) => void (await core.summary.addRaw(text).write())],
    ] as const) {
      writeFileSync(file, 'before\n')
      process.env.GITHUB_STEP_SUMMARY = file
      await write('## Minutes check\n\n| a | b |\n')
      await write('second\n')
    }
    expect(readFileSync(ours, 'utf8')).toBe('before\n## Minutes check\n\n| a | b |\nsecond\n')
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'))
  })

  // core's summary keeps the first path it checked (a singleton), so these are ours alone.
  test('appendSummary without a summary file: an error naming the variable', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(runner.appendSummary('x')).rejects.toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
    process.env.GITHUB_STEP_SUMMARY = join(temp, 'missing')
    await expect(runner.appendSummary('x')).rejects.toThrow(`Unable to access summary file: '${join(temp, 'missing')}'. Check if the file has correct read/write permissions.`)
  })
})
