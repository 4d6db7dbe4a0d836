// `npm run demo`: the checks on the bundled example minutes, with no GitHub account.
import { spawnSync } from 'node:child_process'

const result = spawnSync(process.execPath, ['dist/cli/index.js', '--root', 'examples/minutes-repo', '--fail-on', 'never'], {
  stdio: 'inherit',
})
process.exitCode = result.status ?? 1
