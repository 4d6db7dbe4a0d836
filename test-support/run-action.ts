import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { arch, platform, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from './project-root.js'
import { parse as parseYaml } from 'yaml'

/**
 * Runs a JavaScript action in a child process the way the GitHub Actions runner does:
 * a clean environment with the runner's variables, inputs as `INPUT_*`, the event payload
 * in a file, fresh command files, and the workflow commands on stdout parsed back.
 */

const REPO_ROOT = PROJECT_ROOT

/** The token the runner substitutes for `${{ github.token }}` unless a test passes one. */
export const SIMULATED_TOKEN = 'ghs_simulatedInstallationToken000000000'

export interface RunActionOptions {
  /** The GitHub simulator to talk to; its url becomes `GITHUB_API_URL`. */
  sim?: { url: string }
  /** `GITHUB_API_URL` when there is no simulator. Default: `https://api.github.com`. */
  apiUrl?: string
  /** The checkout: `GITHUB_WORKSPACE` and the working directory. */
  workspace: string
  event: { name: string; payload: unknown }
  /** Inputs by their `action.yml` name, e.g. `{ 'fail-on': 'warning' }`. */
  inputs?: Record<string, string>
  /** Extra environment variables, applied last (e.g. `RUNNER_DEBUG: '1'`). */
  env?: Record<string, string>
  /** Script to run. Default: the project's `dist/index.js`. */
  entry?: string
  /**
   * `action.yml` whose input defaults apply to inputs not given, as on the runner.
   * Default: the project's `action.yml` when `entry` is the default, none otherwise.
   */
  metadata?: string
  /** What `${{ github.token }}` evaluates to in input defaults. Default: {@link SIMULATED_TOKEN}. */
  token?: string
  /** `owner/name`. */
  repository: string
  sha: string
  /** Full ref, e.g. `refs/pull/7/merge` or `refs/heads/main`. */
  ref: string
  /** The child is killed and the run rejected after this long. Default: 30 s. */
  timeoutMs?: number
}

/** A `::name key=value,...::message` line, unescaped. */
export interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  message: string
}

/** An `error`, `warning` or `notice` command as the runner turns it into an annotation. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  col?: number
  endLine?: number
  endColumn?: number
  title?: string
}

export interface ActionRun {
  /** The process's exit code; `null` if a signal ended it. */
  exitCode: number | null
  stdout: string
  stderr: string
  durationMs: number
  /** Every workflow command, in order. */
  commands: WorkflowCommand[]
  annotations: Annotation[]
  /** Stdout lines that are not commands: what the log shows. */
  logLines: string[]
  /** The token of each `::stop-commands::` the runner honoured, in order. */
  stopTokens: string[]
  /** Outputs written to `GITHUB_OUTPUT`. */
  outputs: Record<string, string>
  /** Contents of `GITHUB_STEP_SUMMARY`. */
  summary: string
  /** The runner fails a step whose process exits non-zero (`core.setFailed` sets 1). */
  failed: boolean
}

/** Runs the action once and collects what the runner would see. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const temp = await mkdtemp(join(tmpdir(), 'run-action-'))
  try {
    const files = {
      event: join(temp, 'event.json'),
      output: join(temp, 'output'),
      summary: join(temp, 'step_summary'),
      state: join(temp, 'state'),
      env: join(temp, 'env'),
    }
    await writeFile(files.event, JSON.stringify(options.event.payload, null, 2))
    for (const file of [files.output, files.summary, files.state, files.env]) await writeFile(file, '')

    const entry = options.entry ?? join(REPO_ROOT, 'dist', 'index.js')
    const metadata = options.metadata ?? (options.entry === undefined ? join(REPO_ROOT, 'action.yml') : undefined)
    const inputs = { ...(metadata ? inputDefaults(metadata, options.token ?? SIMULATED_TOKEN) : {}), ...options.inputs }
    const env = {
      ...inheritedEnv(),
      ...runnerEnv(options, files, join(temp, 'runner-temp')),
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
      ...options.env,
    }

    const started = performance.now()
    const { exitCode, stdout, stderr } = await spawnNode(entry, options.workspace, env, options.timeoutMs ?? 30_000)
    const durationMs = Math.round(performance.now() - started)

    const { commands, logLines, stopTokens } = parseStdout(stdout)
    return {
      exitCode,
      stdout,
      stderr,
      durationMs,
      commands,
      annotations: commands.flatMap(toAnnotation),
      logLines,
      stopTokens,
      outputs: parseEnvFile(await readFile(files.output, 'utf8')),
      summary: await readFile(files.summary, 'utf8'),
      failed: exitCode !== 0,
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/** The runner's name for an input's variable: upper case, spaces → `_`, dashes kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Only what a hosted runner's shell would also have; never the parent's GITHUB_*, INPUT_*, RUNNER_*. */
function inheritedEnv(): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name]
    if (value !== undefined) kept[name] = value
  }
  return kept
}

function runnerEnv(options: RunActionOptions, files: Record<'event' | 'output' | 'summary' | 'state' | 'env', string>, runnerTemp: string): Record<string, string> {
  const [owner = ''] = options.repository.split('/')
  const refName = options.ref.replace(/^refs\/(heads|tags)\//, '')
  const pull = (options.event.payload as { pull_request?: { head?: { ref?: string }; base?: { ref?: string } } } | null)?.pull_request
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run_action',
    GITHUB_ACTOR: owner,
    GITHUB_API_URL: options.sim?.url ?? options.apiUrl ?? 'https://api.github.com',
    GITHUB_BASE_REF: pull?.base?.ref ?? '',
    GITHUB_ENV: files.env,
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_HEAD_REF: pull?.head?.ref ?? '',
    GITHUB_JOB: 'check',
    GITHUB_OUTPUT: files.output,
    GITHUB_REF: options.ref,
    GITHUB_REF_NAME: options.ref.startsWith('refs/pull/') ? options.ref.replace(/^refs\/pull\//, '') : refName,
    GITHUB_REF_TYPE: options.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: '4242424242',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: options.sha,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKFLOW: 'Minutes',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_ARCH: arch() === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_OS: platform() === 'darwin' ? 'macOS' : platform() === 'win32' ? 'Windows' : 'Linux',
    RUNNER_TEMP: runnerTemp,
  }
}

/** Input defaults of an `action.yml`; the only expression supported is `${{ github.token }}`. */
function inputDefaults(metadataPath: string, token: string): Record<string, string> {
  const metadata = parseYaml(readFileSync(metadataPath, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
    if (input.default === undefined) continue
    const value = String(input.default)
    if (/^\$\{\{\s*github\.token\s*\}\}$/.test(value)) defaults[name] = token
    else if (value.includes('${{')) throw new Error(`runAction cannot evaluate the default of input "${name}": ${value}`)
    else defaults[name] = value
  }
  return defaults
}

function spawnNode(entry: string, cwd: string, env: Record<string, string>, timeoutMs: number): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8')
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The action did not finish within ${timeoutMs} ms.\nstdout:\n${text(stdout)}\nstderr:\n${text(stderr)}`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout: text(stdout), stderr: text(stderr) })
    })
  })
}

/**
 * Splits stdout into workflow commands and log lines as the Actions runner reads them
 * (actions/runner, read for issue 17):
 * - a line ends at LF, CRLF or a lone CR: `ProcessInvoker` reads output with .NET
 *   `StreamReader.ReadLine` (src/Runner.Sdk/ProcessInvoker.cs, `StartReadStream`);
 * - `ActionCommand.TryParseV2` trims leading white space (.NET `TrimStart`) and wants `::` at
 *   the start; `ActionCommand.TryParse`, tried next, finds the legacy `##[name]` ANYWHERE in the
 *   line (src/Runner.Common/ActionCommand.cs); both only for registered command names,
 *   ignoring case (src/Runner.Worker/ActionCommandManager.cs);
 * - `::stop-commands::token` makes every line plain log until a command named `token` (either
 *   form); an empty token never resumes (`TryProcessCommand`). The stop and resume lines are
 *   neither commands nor log lines here; `stopTokens` lists the tokens of the stops honoured.
 */
export function parseStdout(stdout: string): { commands: WorkflowCommand[]; logLines: string[]; stopTokens: string[] } {
  const commands: WorkflowCommand[] = []
  const logLines: string[] = []
  const stopTokens: string[] = []
  let stopToken: string | undefined
  const lines = stdout.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  for (const line of lines) {
    if (stopToken !== undefined) {
      // While stopped, the token is a registered command too.
      const command = runnerCommand(line, new Set([...REGISTERED_COMMANDS, stopToken.toLowerCase()]))
      if (stopToken !== '' && command?.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined
      else logLines.push(line)
      continue
    }
    const command = runnerCommand(line, REGISTERED_COMMANDS)
    if (!command) logLines.push(line)
    else if (command.name.toLowerCase() === 'stop-commands') {
      stopToken = command.message
      stopTokens.push(command.message)
    } else commands.push(command)
  }
  return { commands, logLines, stopTokens }
}

/** The commands the runner registers (ActionCommandManager.cs: its extensions and `stop-commands`). */
const REGISTERED_COMMANDS: ReadonlySet<string> = new Set([
  'stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher',
  'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo',
])

/** `TryParseV2`, then the legacy `TryParse`, as `TryProcessCommand` tries them. */
function runnerCommand(line: string, registered: ReadonlySet<string>): WorkflowCommand | undefined {
  return parseCommand(line, registered) ?? parseLegacyCommand(line, registered)
}

/** .NET `char.IsWhiteSpace`, which `String.TrimStart()` trims (JavaScript's `trimStart` differs: it keeps U+0085 and trims U+FEFF). */
const DOTNET_LEADING_WHITE_SPACE = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/u

/**
 * Parses one `::name k=v,k=v::message` line as `TryParseV2` does (leading white space
 * trimmed), or returns `undefined` for a log line. Without `registered`, any name is a command.
 */
export function parseCommand(line: string, registered?: ReadonlySet<string>): WorkflowCommand | undefined {
  const trimmed = line.replace(DOTNET_LEADING_WHITE_SPACE, '')
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '' || (registered && !registered.has(name.toLowerCase()))) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0 && equals < pair.length - 1) properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), PROPERTY_ESCAPES)
    }
  }
  return { name, properties, message: unescape(trimmed.slice(end + 2), DATA_ESCAPES) }
}

/** The legacy `##[name k=v;k=v]message` form, found anywhere in a line (`ActionCommand.TryParse`). */
export function parseLegacyCommand(line: string, registered: ReadonlySet<string> = REGISTERED_COMMANDS): WorkflowCommand | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const close = line.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = line.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '' || !registered.has(name.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const equals = pair.indexOf('=')
      if (equals > 0 && equals < pair.length - 1) properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), LEGACY_ESCAPES)
    }
  }
  return { name, properties, message: unescape(line.slice(close + 1), LEGACY_ESCAPES) }
}

// The runner undoes escapes one mapping at a time, `%25` last, so `%250A` reads as `%0A`.
const DATA_ESCAPES: Array<[string, string]> = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']]
const PROPERTY_ESCAPES: Array<[string, string]> = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']]
const LEGACY_ESCAPES: Array<[string, string]> = [['%3B', ';'], ['%0D', '\r'], ['%0A', '\n'], ['%5D', ']'], ['%25', '%']]

function unescape(text: string, escapes: Array<[string, string]>): string {
  return escapes.reduce((value, [escaped, plain]) => value.replaceAll(escaped, plain), text)
}

const ANNOTATION_LEVELS = new Set(['error', 'warning', 'notice'])
const NUMERIC_PROPERTIES = ['line', 'col', 'endLine', 'endColumn'] as const

function toAnnotation(command: WorkflowCommand): Annotation[] {
  const level = command.name.toLowerCase()
  if (!ANNOTATION_LEVELS.has(level)) return []
  const annotation: Annotation = { level: level as Annotation['level'], message: command.message }
  const { file, title } = command.properties
  if (file !== undefined) annotation.file = file
  if (title !== undefined) annotation.title = title
  for (const key of NUMERIC_PROPERTIES) {
    const value = command.properties[key]
    if (value !== undefined) annotation[key] = Number(value)
  }
  return [annotation]
}

/**
 * Parses a `GITHUB_OUTPUT`/`GITHUB_ENV` file by the runner's rules: `name=value`, or
 * `name<<DELIMITER` then lines up to a line that is exactly the delimiter. Malformed
 * content throws, as it fails the step on the runner.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      values[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc <= 0) throw new Error(`Invalid line in a command file: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, index + 1)
    if (delimiter === '' || end < 0) throw new Error(`Matching delimiter not found: ${JSON.stringify(delimiter)} for "${name}"`)
    values[name] = lines.slice(index + 1, end).join('\n')
    index = end
  }
  return values
}
