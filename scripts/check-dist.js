// Rebuilds dist/ and fails when it differs from what is committed: dist/ must be exactly
// what the sources build, since the action runs dist/index.js as committed.
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' })
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist', 'src/schemas'], { encoding: 'utf8' })
if (changed.trim() !== '') {
  process.stderr.write(`dist/ or src/schemas/ is not what the sources build; run \`npm run build\` and commit:\n${changed}`)
  process.exit(1)
}
process.stdout.write('dist/ matches the sources.\n')
