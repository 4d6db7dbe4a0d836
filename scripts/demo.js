// `npm run demo`: the bundled demo (dist/demo/index.js) drives the bundled action against a
// simulated GitHub API; nothing is built, no token or network is needed.
import { spawnSync } from 'node:child_process'

const result = spawnSync(process.execPath, ['dist/demo/index.js'], { stdio: 'inherit' })
process.exitCode = result.status ?? 1
