#!/usr/bin/env node
import { fileURLToPath } from 'node:url'
import { isCheckWorker, serveChecks } from '../check/check-worker.js'
import { layoutFactsOf } from '../init/layout-facts.js'
import { invocationFolder } from './invocation-folder.js'
import { runCli } from './main.js'
import { stopWorkflowCommands } from './workflow-commands.js'

// The bundle is its own check worker: workers start on this file and serve checks (and
// read `init`'s layout facts from the same parse).
if (isCheckWorker()) {
  serveChecks(layoutFactsOf)
} else {
  stopWorkflowCommands(process.env, (text) => process.stderr.write(text))
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: invocationFolder(process.env, process.cwd()),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    workerScript: fileURLToPath(import.meta.url),
    env: process.env,
  })
}
