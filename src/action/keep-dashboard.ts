import * as core from '@actions/core'
import { OUTPUTS } from '../constants.js'
import { getErrorMessage, statusOf, type GitHubClient } from '../github/client.js'
import { type Dashboard, findDashboard, writeDashboard } from '../github/dashboard.js'
import type { SourceLinks } from '../markup/permalink.js'
import { dashboardItems, readFacts } from '../plan/dashboard-items.js'
import type { IssuesOfRun } from '../plan/issues-after-run.js'
import { renderDashboard } from '../render/dashboard.js'
import type { ActionSettings } from './settings.js'

/** Starts looking for the dashboard while the minutes are checked; settles to an error value, never rejects. */
export function startFindingDashboard(client: GitHubClient, settings: ActionSettings): Promise<Dashboard | null | Error> {
  return findDashboard(client, settings.repository).catch((error: unknown) => (error instanceof Error ? error : new Error(getErrorMessage(error))))
}

/**
 * Keeps the dashboard issue: built from the run's action-item issues (the plan's listing with
 * its writes, or one listing on a run with no items), written only when it differs. Any failure is a
 * warning: the rest of the run goes on and the next run writes it. Returns its URL, or null.
 */
export async function keepDashboard(
  client: GitHubClient,
  settings: ActionSettings,
  label: string,
  links: SourceLinks,
  issues: () => Promise<IssuesOfRun>,
  finding: Promise<Dashboard | null | Error>,
): Promise<{ url: string; action: string } | null> {
  try {
    const found = await finding
    if (found instanceof Error) throw found
    if (found?.state === 'closed') {
      core.info(`The dashboard ${found.url} was closed by hand, so it is left as it is. Reopen it to have it kept again, or set \`dashboard: false\` to stop this note.`)
      core.setOutput(OUTPUTS.dashboardUrl, found.url)
      return null
    }
    const run = await issues()
    const today = new Date().toISOString().slice(0, 10)
    const { items, facts } = dashboardItems({ ...run, previous: readFacts(found?.body), links, today })
    const body = renderDashboard(items, facts, { today, search: { serverUrl: settings.serverUrl, repository: links.repository, label } })
    const written = await writeDashboard(client, settings.repository, found, settings.dashboardTitle, body)
    core.info(`Dashboard of open action items ${written.action}: ${written.url}`)
    core.setOutput(OUTPUTS.dashboardUrl, written.url)
    return written
  } catch (error) {
    const why = statusOf(error) === 403 ? ' The token lacks `issues: write`.' : ''
    core.warning(`Could not keep the dashboard of open action items: ${getErrorMessage(error)}.${why} The next run writes it.`)
    return null
  }
}
