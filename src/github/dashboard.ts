import { DASHBOARD_MARKER } from '../render/dashboard.js'
import type { GitHubClient, Repository } from './client.js'

/**
 * The dashboard's own label. The dashboard does not carry the action-item label (it is no
 * action item, and GitHub's lists of action items should not show it), so it is found by
 * this one: one request, `state=all` so a dashboard closed by hand is found and left closed.
 * The search API (by title or marker) would lag behind a dashboard just created and double
 * it; listing by creator depends on who the token is. The label is created with the issue.
 */
export const DASHBOARD_LABEL = 'minutes-dashboard'

/** The dashboard issue as found. */
export interface Dashboard {
  number: number
  url: string
  title: string
  body: string
  state: 'open' | 'closed'
}

/** Finds the dashboard: the oldest issue with our label whose body starts with the marker; null when there is none. */
export async function findDashboard(client: GitHubClient, repository: Repository): Promise<Dashboard | null> {
  const { data } = await client.rest.issues.listForRepo({ ...repository, labels: DASHBOARD_LABEL, state: 'all', sort: 'created', direction: 'asc', per_page: 100 })
  const issue = data.find((each) => !each.pull_request && (each.body ?? '').startsWith(DASHBOARD_MARKER))
  if (!issue) return null
  return { number: issue.number, url: issue.html_url, title: issue.title, body: issue.body ?? '', state: issue.state === 'closed' ? 'closed' : 'open' }
}

/** What writing the dashboard did. */
export type DashboardWrite = { action: 'created' | 'updated' | 'unchanged'; url: string } | { action: 'closed'; url: string }

/**
 * Creates the dashboard, or edits it when its title or body differ; a closed one is left
 * closed (people decide). Idempotent: a re-run over the same items writes nothing.
 */
export async function writeDashboard(client: GitHubClient, repository: Repository, found: Dashboard | null, title: string, body: string): Promise<DashboardWrite> {
  if (!found) {
    const { data } = await client.rest.issues.create({ ...repository, title, body, labels: [DASHBOARD_LABEL] })
    return { action: 'created', url: data.html_url }
  }
  if (found.state === 'closed') return { action: 'closed', url: found.url }
  if (found.title === title && found.body === body) return { action: 'unchanged', url: found.url }
  await client.rest.issues.update({ ...repository, issue_number: found.number, title, body })
  return { action: 'updated', url: found.url }
}
