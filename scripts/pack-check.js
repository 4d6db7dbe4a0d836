// The CLI as users get it: `npm pack`, install the tarball into an empty folder without the
// network (dist/cli is one ncc bundle, so the package has no dependencies to fetch), and run
// `npx minutes-check` there on a copy of our example minutes. Fails, saying why, when the
// tarball misses a file, declares a dependency, installs more than itself, or when the
// installed CLI answers differently from `node dist/cli/index.js` in this checkout.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const problems = []
const temp = mkdtempSync(join(tmpdir(), 'pack-check-'))

try {
  // 1. The tarball: what `files` puts in it.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8' }))
  const paths = packed.files.map((file) => file.path)
  for (const needed of ['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', manifest.bin['minutes-check'], 'dist/cli/licenses.txt', 'schemas/config.schema.json']) {
    if (!paths.includes(needed)) problems.push(`the tarball lacks ${needed}`)
  }
  const stray = paths.filter((path) => !/^(package\.json|LICENSE|README\.md|CHANGELOG\.md|dist\/cli\/[^/]+|schemas\/[^/]+\.json)$/.test(path))
  if (stray.length > 0) problems.push(`the tarball holds files users do not need: ${stray.join(', ')} (see "files" in package.json)`)
  if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
    problems.push(`package.json has dependencies (${Object.keys(manifest.dependencies).join(', ')}); dist/ bundles every library, so list them under devDependencies`)
  }

  // 2. Install it offline into an empty project holding a minutes tree.
  const project = join(temp, 'project')
  cpSync(join(root, 'examples', 'minutes-repo'), project, { recursive: true })
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'minutes', private: true }, null, 2)}\n`)
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(temp, packed.filename)], { cwd: project, stdio: 'inherit' })
  const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))
  if (installed.join() !== manifest.name) problems.push(`installing the tarball brought ${installed.join(', ')}; expected only ${manifest.name}`)

  // 3. `npx minutes-check` there answers as the CLI in this checkout does.
  const cases = [
    { args: ['--format', 'json'], exitCode: 1 },
    { args: ['community-call/20261112.md'], exitCode: 0 },
  ]
  for (const { args, exitCode } of cases) {
    const viaNpx = spawnSync('npx', ['--no-install', 'minutes-check', ...args], { cwd: project, encoding: 'utf8' })
    const here = spawnSync(process.execPath, [join(root, manifest.bin['minutes-check']), ...args], { cwd: project, encoding: 'utf8' })
    const shown = `npx minutes-check ${args.join(' ')}`
    if (viaNpx.status !== exitCode) problems.push(`${shown} exited ${viaNpx.status}, expected ${exitCode}:\n${viaNpx.stdout}${viaNpx.stderr}`)
    else if (viaNpx.stdout !== here.stdout) problems.push(`${shown} printed something else than this checkout's CLI:\n${viaNpx.stdout}\n---\n${here.stdout}`)
  }
  const report = JSON.parse(spawnSync('npx', ['--no-install', 'minutes-check', '--format', 'json'], { cwd: project, encoding: 'utf8' }).stdout || '{}')
  const errors = (report.files ?? []).flatMap((file) => file.findings.filter((finding) => finding.severity === 'error').map((finding) => `${file.path}:${finding.line} ${finding.rule}`))
  if (errors.join() !== 'community-call/20261119.md:11 link-target-exists') problems.push(`the example's one error (its broken link) was not found: ${JSON.stringify(errors)}`)

  if (problems.length > 0) {
    process.stderr.write(`pack-check: the packed CLI is not right:\n- ${problems.join('\n- ')}\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`pack-check: ${packed.filename} (${paths.length} files, ${Math.round(packed.size / 1024)} kB) installs offline with no dependencies; npx minutes-check works.\n`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
