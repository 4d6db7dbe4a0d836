import * as core from '@actions/core'
import { ConfigError } from '../config/load-config.js'
import { OUTPUTS } from '../constants.js'
import { listChangedFiles } from '../github/changed-files.js'
import { createGitHubClient, getErrorMessage } from '../github/client.js'
import { checkWorkspace } from '../read/check-workspace.js'
import { reachesFailOn } from '../report/fail-on.js'
import { formatText } from '../report/format-text.js'
import { emitAnnotations } from './annotations.js'
import { SettingsError, readSettings } from './settings.js'

/** The action: inputs → settings → check the minutes → annotations, outputs, result. */
export async function run(): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name), process.env)
    const { client, requests } = createGitHubClient({
      token: settings.token,
      baseUrl: settings.apiUrl,
      warn: (message) => core.warning(message),
    })
    const repository = `${settings.repository.owner}/${settings.repository.repo}`

    let onlyPaths: string[] | null = null
    if (settings.pullNumber !== null) {
      onlyPaths = await listChangedFiles(client, settings.repository, settings.pullNumber)
      core.info(`Pull request #${settings.pullNumber} changes ${onlyPaths.length} file(s).`)
    }

    const { report, unmatchedPatterns } = await checkWorkspace({
      root: settings.workspace,
      configPath: settings.configPath,
      patterns: settings.patterns,
      onlyPaths,
      defaultRepository: repository,
    })
    for (const pattern of unmatchedPatterns) core.info(`No minutes file matches “${pattern}”.`)

    core.info(formatText(report).trimEnd())
    const omitted = emitAnnotations(report, { error: core.error, warning: core.warning, info: core.notice })
    for (const [level, count] of Object.entries(omitted)) {
      if (count > 0) core.info(`${count} more ${level} finding(s) are not shown as annotations (GitHub shows 10 per level); see the log above.`)
    }

    core.setOutput(OUTPUTS.errors, report.summary.errors)
    core.setOutput(OUTPUTS.warnings, report.summary.warnings)
    core.setOutput(OUTPUTS.findings, JSON.stringify(report))
    core.info(`GitHub API requests: ${requests.count}.`)

    if (reachesFailOn(report, settings.failOn)) {
      core.setFailed(`Minutes checks found ${report.summary.errors} error(s) and ${report.summary.warnings} warning(s) (fail-on: ${settings.failOn}).`)
    }
  } catch (error) {
    if (error instanceof SettingsError || error instanceof ConfigError) core.setFailed(error.message)
    else core.setFailed(`minutes-automation failed: ${getErrorMessage(error)}`)
  }
}
