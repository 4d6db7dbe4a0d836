// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and the demo
// (dist/demo/index.js: the GitHub simulation driving the action) with ncc.
// Each bundle gets licenses.txt beside it: the licences of the packages bundled into it.
// Deterministic: the same sources give the same bytes, so CI can diff dist/.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', '--no-source-map-register', '--license', 'licenses.txt']
execFileSync(process.execPath, ['scripts/compile-schemas.js'], { stdio: 'inherit' })
rmSync('dist', { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' })
execFileSync(process.execPath, [...ncc, 'src/cli/index.ts', '-o', 'dist/cli'], { stdio: 'inherit' })
execFileSync(process.execPath, [...ncc, 'demo/main.ts', '-o', 'dist/demo'], { stdio: 'inherit' })
