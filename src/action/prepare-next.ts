import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Config } from '../config/types.js'
import { OUTPUTS } from '../constants.js'
import { listAgendaEntries, openItemsOfSeries } from '../github/agenda-issues.js'
import { getErrorMessage, type GitHubClient } from '../github/client.js'
import { prepareFromRepository } from '../next/next-meeting-files.js'
import { SeriesError } from '../next/series-history.js'
import { issuesAfterRun, type IssuesOfRun } from '../plan/issues-after-run.js'
import { localReader } from '../read/local-reader.js'
import type { ActionSettings } from './settings.js'

/** The events on which `prepare-next` writes a file: a timetable, or a person asking. */
const PREPARING_EVENTS = new Set(['schedule', 'workflow_dispatch'])

/**
 * `prepare-next`: writes the next meeting's minutes of the series into the workspace, with
 * the series' open action-item issues (an issue closed by hand is not carried) and, with an
 * agenda label, the agenda; sets `prepared-file`. Commits nothing. Fails the step only for a
 * series that is not one. `issues`: the run's action-item issues (the plan's listing and its
 * writes, or one listing the run shares).
 */
export async function prepareNext(client: GitHubClient, settings: ActionSettings, config: Config, issues: () => Promise<IssuesOfRun>): Promise<void> {
  core.setOutput(OUTPUTS.preparedFile, '')
  const series = settings.prepareNext
  if (series === null) return
  if (!PREPARING_EVENTS.has(settings.event.name)) {
    core.info(`\`prepare-next\` writes on schedule and workflow_dispatch runs; this is a ${settings.event.name} run, so no file is prepared.`)
    return
  }
  try {
    const result = await prepareFromRepository(localReader(settings.workspace), config, {
      series,
      date: null,
      today: settings.today,
      openItems: (name) => openIssuesOf(issues, name),
      agenda: (label) => listAgendaEntries(client, settings.repository, label),
    })
    if (result.exists && !result.updatesFile) {
      core.warning(`The next meeting of ${result.series}, ${result.path}, exists already; it is not overwritten.`)
      return
    }
    const target = join(settings.workspace, ...result.path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    // A running file gets a new section: it is rewritten; any other file is never replaced.
    await writeFile(target, result.content, { flag: result.updatesFile ? 'w' : 'wx' })
    core.info(`Prepared ${result.path}: ${result.carried.length} open action item(s) carried over${result.template ? `, from ${result.template}` : ''}.`)
    core.setOutput(OUTPUTS.preparedFile, result.path)
  } catch (error) {
    if (error instanceof SeriesError) core.setFailed(`prepare-next: ${error.message}`)
    else core.warning(`Could not prepare the next meeting of ${series}: ${getErrorMessage(error)}`)
  }
}

/**
 * The series' open action-item issues, as the run's writes left them; offline (the previous
 * meeting's open items) when they cannot be listed.
 */
async function openIssuesOf(issues: () => Promise<IssuesOfRun>, series: string) {
  try {
    return openItemsOfSeries(issuesAfterRun(await issues()), series)
  } catch (error) {
    core.warning(`Could not list the action-item issues (${getErrorMessage(error)}): the previous meeting's open items are carried over instead.`)
    return null
  }
}
