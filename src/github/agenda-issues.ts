import type { AgendaEntry, CarriedItem } from '../next/types.js'
import type { KnownIssue } from '../plan/plan-issues.js'
import type { GitHubClient, Repository } from './client.js'

/** The open issues and pull requests carrying the agenda label, oldest first (the issues listing holds both). */
export async function listAgendaEntries(client: GitHubClient, repository: Repository, label: string): Promise<AgendaEntry[]> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, labels: label, state: 'open', sort: 'created', direction: 'asc', per_page: 100 })
  return issues.map((issue) => ({ number: issue.number, title: issue.title, url: issue.html_url }))
}

/**
 * The open items of a series as its action-item issues say (the listing the plan uses): an
 * issue closed by hand is not carried over. Oldest issue first.
 */
export function openItemsOfSeries(known: readonly KnownIssue[], series: string): CarriedItem[] {
  return known
    .filter((issue) => issue.state === 'open' && issue.identity.series === series)
    .sort((a, b) => a.number - b.number)
    .map((issue) => ({ owners: issue.identity.owners, text: issue.identity.text, issue: issue.number }))
}
