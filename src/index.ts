import { fileURLToPath } from 'node:url'
import { run } from './action/main.js'
import { isCheckWorker, serveChecks } from './check/check-worker.js'

// The bundle is its own check worker: workers start on this file and serve checks.
if (isCheckWorker()) serveChecks()
else await run({ workerScript: fileURLToPath(import.meta.url) })
