import { randomUUID } from 'node:crypto'

/**
 * Run in a workflow step (`GITHUB_ACTIONS=true`), the CLI's output quotes the minutes (paths,
 * link targets, titles), and the runner reads every line of stdout and stderr for workflow
 * commands: `::add-mask::` at a line's start, the legacy `##[add-mask]` anywhere in it. The
 * CLI issues no command of its own, so it stops them for the rest of the step with a random
 * token (the runner's documented `::stop-commands::`; a step's command state ends with it).
 *
 * The line goes to stderr only: stdout may be a JSON report redirected to a file. The two
 * streams share the runner's command state, and the runner handles a batch's stderr lines
 * before its stdout lines, so the stop, written first, comes before any finding.
 */
export function stopWorkflowCommands(env: NodeJS.ProcessEnv, stderr: (text: string) => void, token: string = randomUUID()): void {
  if (env.GITHUB_ACTIONS === 'true') stderr(`::stop-commands::${token}\n`)
}
