// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and the demo
// (dist/demo/index.js: the GitHub simulation driving the action) with ncc.
// Each bundle gets licenses.txt beside it: the licences of the packages bundled into it.
// Deterministic: the same sources give the same bytes, so CI can diff dist/.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', '--no-source-map-register', '--license', 'licenses.txt']
execFileSync(process.execPath, ['scripts/compile-schemas.js'], { stdio: 'inherit' })
rmSync('dist', { recursive: true, force: true })
const licences = mkdtempSync(join(tmpdir(), 'minutes-licences-'))
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' })
execFileSync(process.execPath, [...ncc, 'src/cli/index.ts', '-o', 'dist/cli'], { stdio: 'inherit' })
// ncc writes each chunk's licences to the same file, so the CLI's lazily loaded GitHub client
// would leave only its own: the whole list comes from one build of the same modules as one chunk.
execFileSync(process.execPath, [...ncc, 'scripts/cli-licences-entry.ts', '-o', join(licences, 'out')], { stdio: 'inherit' })
copyFileSync(join(licences, 'out', 'licenses.txt'), 'dist/cli/licenses.txt')
rmSync(licences, { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'demo/main.ts', '-o', 'dist/demo'], { stdio: 'inherit' })
