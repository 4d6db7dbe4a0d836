// The bundled CLI's smoke test, run by .ci/run with the oldest Node that package.json's
// `engines` admits (`node scripts/cli-smoke.js` runs it on the Node running it): the
// CLI must answer there exactly as it is documented to. Written for that old Node: no
// import.meta.dirname, nothing newer than the engines' minimum.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const cli = join(root, manifest.bin['minutes-check'])
const oldest = /^>=(\d+)/.exec(manifest.engines.node)?.[1]
const problems = []
const temp = mkdtempSync(join(tmpdir(), 'cli-smoke-'))

/** This process's environment without what npm or a runner set for it, plus `extra`. */
function cleanEnv(extra = {}) {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (/^(npm_|INIT_CWD$|GITHUB_)/i.test(name)) delete env[name]
  return { ...env, ...extra }
}

function run(args, options = {}) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', env: cleanEnv(options.env) })
}

function expectRun(label, result, exitCode, check) {
  if (result.status !== exitCode) problems.push(`${label}: exit ${result.status}, expected ${exitCode}\n${result.stdout}${result.stderr}`)
  else if (check) {
    const problem = check(result)
    if (problem) problems.push(`${label}: ${problem}`)
  }
}

const errorsOf = (stdout) => JSON.parse(stdout).files.flatMap((file) => file.findings.filter((finding) => finding.severity === 'error').map((finding) => `${file.path}:${finding.line} ${finding.rule}`)).join()
const EXAMPLE_ERROR = 'community-call/20261119.md:11 link-target-exists'

try {
  if (process.versions.node.split('.')[0] !== oldest) problems.push(`this is Node ${process.versions.node}; the smoke test is meant for Node ${oldest} (engines ${manifest.engines.node})`)
  const project = join(temp, 'minutes')
  cpSync(join(root, 'examples', 'minutes-repo'), project, { recursive: true })

  expectRun('--version', run(['--version']), 0, ({ stdout }) => (stdout === `${manifest.version}\n` ? null : `printed ${JSON.stringify(stdout)}`))
  expectRun('--format json in the example', run(['--format', 'json'], { cwd: project }), 1, ({ stdout }) => (errorsOf(stdout) === EXAMPLE_ERROR ? null : `errors ${errorsOf(stdout)}`))
  expectRun('one file', run(['community-call/20261112.md'], { cwd: project }), 0, ({ stdout }) => (stdout === 'community-call/20261112.md:26:1 info “SIG Docs” links no minutes (“None yet”). team-minutes-missing\n1 file checked: 0 errors, 0 warnings, 1 note.\n' ? null : `printed ${JSON.stringify(stdout)}`))
  // Started by `npm run` from the example (npm sets INIT_CWD), the CLI checks the example, not the clone.
  const npmRun = { INIT_CWD: project, npm_lifecycle_event: 'minutes-check', npm_package_json: join(root, 'package.json') }
  expectRun('INIT_CWD', run(['--format', 'json'], { env: npmRun }), 1, ({ stdout }) => (errorsOf(stdout) === EXAMPLE_ERROR ? null : `errors ${errorsOf(stdout)}`))
  // The README's form, run from the minutes: only the CLI's output (no npm banner), of the minutes' folder.
  const viaNpm = spawnSync('npm', ['--prefix', root, 'run', '--silent', 'minutes-check', '--', '--format', 'json'], { cwd: project, encoding: 'utf8', env: cleanEnv() })
  expectRun('npm --prefix CLONE run --silent minutes-check', viaNpm, 1, ({ stdout }) => {
    try {
      return errorsOf(stdout) === EXAMPLE_ERROR ? null : `errors ${errorsOf(stdout)}`
    } catch {
      return `stdout is not the JSON report: ${stdout.slice(0, 200)}`
    }
  })
  // Inherited by a process started elsewhere, INIT_CWD is not where the user is.
  expectRun('INIT_CWD elsewhere', run(['community-call/20261112.md', '--format', 'json'], { cwd: project, env: { ...npmRun, INIT_CWD: root } }), 0, ({ stdout }) => (errorsOf(stdout) === '' ? null : `errors ${errorsOf(stdout)}`))
  expectRun('a worker per file', run(['--jobs', '2', '--format', 'json'], { cwd: project }), 1, ({ stdout }) => (errorsOf(stdout) === EXAMPLE_ERROR ? null : `errors ${errorsOf(stdout)}`))

  // --fix-dry-run on the example: its broken link to minutes one day off, and a placeholder whose team's minutes exist.
  const DIFF = [
    '--- a/community-call/20261119.md', '+++ b/community-call/20261119.md', '@@ -8,7 +8,7 @@', ' ', ' ### Team Platform', ' ',
    '-Minutes: https://github.com/acme/minutes/blob/main/platform/20261117.md', '+Minutes: https://github.com/acme/minutes/blob/main/platform/20261118.md',
    ' ', ' - Kubernetes 1.34 upgrade started on staging', ' - _AI @alice_: announce the maintenance window on the mailing list',
    '@@ -18,7 +18,7 @@', ' ', ' ### Team Storage', ' ', '-Minutes: None yet', '+Minutes: [storage/20261119.md](../storage/20261119.md)',
    ' ', ' - Erasure coding benchmark results are in', ' - [x] @dave to benchmark erasure coding on NVMe', '',
  ].join('\n')
  expectRun('--fix-dry-run', run(['--fix-dry-run'], { cwd: project }), 0, ({ stdout, stderr }) =>
    stdout === DIFF && stderr === 'minutes-check: 2 fixes in 1 file would be applied (--fix applies them); nothing changed.\n' ? null : `printed ${JSON.stringify(stdout + stderr)}`)
  // --fix writes them; the example's one error is gone, and a second run changes nothing.
  expectRun('--fix', run(['--fix', '--format', 'json'], { cwd: project }), 0, ({ stdout }) => (errorsOf(stdout) === '' ? null : `errors left: ${errorsOf(stdout)}`))
  expectRun('--fix again', run(['--fix'], { cwd: project }), 0, ({ stderr }) => (stderr === 'minutes-check: 0 fixes in 0 files applied.\n' ? null : `printed ${JSON.stringify(stderr)}`))
  expectRun('plan', run(['plan', '--format', 'json'], { cwd: project }), 0, ({ stdout }) => (JSON.parse(stdout).offline === true ? null : `printed ${stdout}`))

  if (problems.length > 0) {
    process.stderr.write(`cli-smoke: the CLI on Node ${process.versions.node} is not right:\n- ${problems.join('\n- ')}\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`cli-smoke: the bundled CLI works on Node ${process.versions.node} (engines ${manifest.engines.node}).\n`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
