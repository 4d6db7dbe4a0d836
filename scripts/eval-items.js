// `npm run eval:items`: bundles scripts/eval-items.ts with ncc (as the bench does; no TS
// loader needed on Node 24) into build/eval-items/ and runs it, passing the arguments on.
import { execFileSync, spawnSync } from 'node:child_process'

execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', 'scripts/eval-items.ts', '-o', 'build/eval-items'], { stdio: 'inherit' })
const result = spawnSync(process.execPath, ['build/eval-items/index.js', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exitCode = result.status ?? 1
