import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputVariable, parseCommand, parseEnvFile, parseStdout, runAction, SIMULATED_TOKEN } from '../../test-support/run-action.js'
import type { RunActionOptions } from '../../test-support/run-action.js'

/**
 * A stand-in action using only node built-ins: it speaks the runner's protocol the way
 * `@actions/core` does, so these tests pin down what runAction parses, not the project.
 */
const TINY_ACTION = String.raw`
import { appendFileSync, readFileSync } from 'node:fs'
import { EOL } from 'node:os'

const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
console.log('event ' + process.env.GITHUB_EVENT_NAME + ' #' + event.number)
console.log('::group::Inputs')
for (const name of Object.keys(process.env).filter((n) => n.startsWith('INPUT_')).sort()) {
  console.log(name + '=' + process.env[name])
}
console.log('::endgroup::')
console.log('::error file=a.md,line=3,col=2,endLine=4,endColumn=9,title=t::msg%0Aline2')
console.log('::warning::50%25 done%2C almost')
console.log('::notice title=a%3Ab%2Cc::plain')
console.log('::debug::not an annotation')
console.log('::stop-commands::pause-token')
console.log('::error::ignored while stopped')
console.log('::pause-token::')
appendFileSync(process.env.GITHUB_OUTPUT, 'errors=1' + EOL)
appendFileSync(process.env.GITHUB_OUTPUT, 'report<<ghadelimiter_1' + EOL + '{"a":1}' + EOL + 'second line' + EOL + 'ghadelimiter_1' + EOL)
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Minutes' + EOL + EOL + '1 error' + EOL)
const leaked = Object.keys(process.env).filter((n) => /^(GITHUB_TOKEN|NODE_OPTIONS|JEST_WORKER_ID|LEAK_CHECK)$/.test(n))
console.log('leaked=' + JSON.stringify(leaked))
console.log('cwd=' + process.cwd())
console.log('api=' + process.env.GITHUB_API_URL + ' ref=' + process.env.GITHUB_REF + ' sha=' + process.env.GITHUB_SHA)
if (process.env['INPUT_FAIL-ON'] === 'error') {
  console.log('::error::Found 1 error')
  process.exitCode = 1
}
`

let dir: string
let entry: string
let workspace: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tiny-action-'))
  entry = join(dir, 'index.mjs')
  workspace = join(dir, 'workspace')
  await writeFile(entry, TINY_ACTION)
  await writeFile(join(dir, 'action.yml'), ['inputs:', '  github-token:', '    default: ${{ github.token }}', '  fail-on:', '    default: never', '  paths:', '    required: false', ''].join('\n'))
  await mkdir(workspace)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, LEAK_CHECK: process.env.LEAK_CHECK }
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

function options(overrides: Partial<RunActionOptions> = {}): RunActionOptions {
  return {
    entry,
    workspace,
    apiUrl: 'http://127.0.0.1:9',
    event: { name: 'pull_request', payload: { number: 7 } },
    inputs: { 'github-token': 'ghs_given', 'fail-on': 'never', 'with space': 'x y' },
    repository: 'acme/minutes',
    sha: 'b'.repeat(40),
    ref: 'refs/pull/7/merge',
    ...overrides,
  }
}

describe('runAction', () => {
  it('parses commands, annotations, log lines, outputs and the summary', async () => {
    const started = performance.now()
    const run = await runAction(options())

    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.failed).toBe(false)
    expect(run.commands).toEqual([
      { name: 'group', properties: {}, message: 'Inputs' },
      { name: 'endgroup', properties: {}, message: '' },
      { name: 'error', properties: { file: 'a.md', line: '3', col: '2', endLine: '4', endColumn: '9', title: 't' }, message: 'msg\nline2' },
      { name: 'warning', properties: {}, message: '50% done%2C almost' },
      { name: 'notice', properties: { title: 'a:b,c' }, message: 'plain' },
      { name: 'debug', properties: {}, message: 'not an annotation' },
    ])
    expect(run.annotations).toEqual([
      { level: 'error', message: 'msg\nline2', file: 'a.md', line: 3, col: 2, endLine: 4, endColumn: 9, title: 't' },
      { level: 'warning', message: '50% done%2C almost' },
      { level: 'notice', message: 'plain', title: 'a:b,c' },
    ])
    expect(run.logLines).toEqual([
      'event pull_request #7',
      'INPUT_FAIL-ON=never',
      'INPUT_GITHUB-TOKEN=ghs_given',
      'INPUT_WITH_SPACE=x y',
      '::error::ignored while stopped',
      'leaked=[]',
      `cwd=${workspace}`,
      `api=http://127.0.0.1:9 ref=refs/pull/7/merge sha=${'b'.repeat(40)}`,
    ])
    expect(run.outputs).toEqual({ errors: '1', report: '{"a":1}\nsecond line' })
    expect(run.summary).toBe('## Minutes\n\n1 error\n')
    // The child's own wall time: positive, and within what the whole call took here.
    expect(run.durationMs).toBeGreaterThan(0)
    expect(run.durationMs).toBeLessThanOrEqual(performance.now() - started)
  })

  it('does not pass the parent environment on', async () => {
    process.env.GITHUB_TOKEN = 'ghp_parent_secret'
    process.env.LEAK_CHECK = '1'
    const run = await runAction(options())
    expect(run.logLines).toContain('leaked=[]')
    expect(run.stdout).not.toContain('ghp_parent_secret')
  })

  it('reports a failed step with its error', async () => {
    const run = await runAction(options({ inputs: { 'fail-on': 'error' } }))
    expect(run.exitCode).toBe(1)
    expect(run.failed).toBe(true)
    expect(run.annotations.at(-1)).toEqual({ level: 'error', message: 'Found 1 error' })
  })

  it('applies action.yml input defaults like the runner, github.token included', async () => {
    const run = await runAction(options({ metadata: join(dir, 'action.yml'), inputs: { 'fail-on': 'warning' } }))
    expect(run.logLines.filter((line) => line.startsWith('INPUT_'))).toEqual(['INPUT_FAIL-ON=warning', `INPUT_GITHUB-TOKEN=${SIMULATED_TOKEN}`])
  })

  it('uses the simulator url as GITHUB_API_URL and lets env override last', async () => {
    const run = await runAction(options({ sim: { url: 'http://127.0.0.1:1234' }, env: { GITHUB_SHA: 'c'.repeat(40) } }))
    expect(run.logLines).toContain(`api=http://127.0.0.1:1234 ref=refs/pull/7/merge sha=${'c'.repeat(40)}`)
  })

  it('kills an action that hangs', async () => {
    // Long enough for a loaded machine to start node and print, short enough for a test.
    const hang = join(dir, 'hang.mjs')
    await writeFile(hang, 'console.log("started"); setInterval(() => {}, 1000)\n')
    await expect(runAction(options({ entry: hang, timeoutMs: 2000 }))).rejects.toThrow('The action did not finish within 2000 ms.\nstdout:\nstarted\n')
  })
})

describe('runner protocol parsing', () => {
  it('names input variables like the runner', () => {
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON')
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT')
  })

  it('undoes escapes in the runner order, %25 last', () => {
    expect(parseCommand('::error title=100%25%3A%2C::%250A%0D%0A')).toEqual({ name: 'error', properties: { title: '100%:,' }, message: '%0A\r\n' })
    expect(parseCommand('::set-env name=x')).toBeUndefined()
    expect(parseCommand('plain :: text')).toBeUndefined()
  })

  it('treats lines after ::stop-commands:: as log until the token comes back', () => {
    expect(parseStdout('::stop-commands::t\n::warning::w\n::t::\n::notice::n\n')).toEqual({
      commands: [{ name: 'notice', properties: {}, message: 'n' }],
      logLines: ['::warning::w'],
      stopTokens: ['t'],
    })
  })

  it('ends lines where the runner does: LF, CRLF and a lone CR', () => {
    expect(parseStdout('a\r::add-mask::x\r\nb\n::notice::n').commands).toEqual([
      { name: 'add-mask', properties: {}, message: 'x' },
      { name: 'notice', properties: {}, message: 'n' },
    ])
    // U+2028 and NEL end no line for the runner (.NET ReadLine): the text stays one log line.
    expect(parseStdout('a\u2028::add-mask::x\u0085::warning::y\n')).toEqual({ commands: [], logLines: ['a\u2028::add-mask::x\u0085::warning::y'], stopTokens: [] })
  })

  it("trims leading white space as .NET does before looking for '::', and ignores the case of names", () => {
    expect(parseStdout('   \t::warning file=a.md::w\n\u00A0\u0085::ADD-MASK::m\n\uFEFF::error::e\n').commands).toEqual([
      { name: 'warning', properties: { file: 'a.md' }, message: 'w' },
      { name: 'ADD-MASK', properties: {}, message: 'm' },
    ])
  })

  it('reads the legacy ##[name] form anywhere in a line, and only registered names in either form', () => {
    const { commands, logLines } = parseStdout('x.md:1:1 error see ##[add-mask]Minutes\n::not-a-command::y\nz ##[nope]w\n##[warning file=a.md;line=2]w%3Bx%5D\n')
    expect(commands).toEqual([
      { name: 'add-mask', properties: {}, message: 'Minutes' },
      { name: 'warning', properties: { file: 'a.md', line: '2' }, message: 'w;x]' },
    ])
    expect(logLines).toEqual(['::not-a-command::y', 'z ##[nope]w'])
  })

  it('resumes commands on the token in either form, never on an empty token', () => {
    expect(parseStdout('::stop-commands::T1\n##[add-mask]a\nlog ##[t1]\n::add-mask::b\n')).toEqual({
      commands: [{ name: 'add-mask', properties: {}, message: 'b' }],
      logLines: ['##[add-mask]a'],
      stopTokens: ['T1'],
    })
    expect(parseStdout('::stop-commands::\n::warning::w\n::::\n::error::e\n')).toEqual({ commands: [], logLines: ['::warning::w', '::::', '::error::e'], stopTokens: [''] })
  })

  it('parses command files with both forms and rejects a missing delimiter', () => {
    expect(parseEnvFile('a=1\nb=x<<y\nc<<EOF\nl1\n\nl3\nEOF\n\nd=\n')).toEqual({ a: '1', b: 'x<<y', c: 'l1\n\nl3', d: '' })
    expect(() => parseEnvFile('c<<EOF\nl1\n')).toThrow('Matching delimiter not found: "EOF" for "c"')
    expect(() => parseEnvFile('=1\n')).toThrow('Invalid line in a command file: "=1"')
  })
})
