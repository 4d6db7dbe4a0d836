import { checkSource } from '../src/check/check-source.js'
import { loadConfig } from '../src/config/load-config.js'
import type { Config } from '../src/config/types.js'
import { compileDatePatterns } from '../src/repo/date-patterns.js'
import { indexRepository } from '../src/repo/repo-index.js'
import type { FileReport, Finding } from '../src/report/types.js'

/** A repository written in a test: path → Markdown text (or bytes). */
export type MemoryRepo = Record<string, string | Uint8Array>

/** Checks one file of an in-memory repository with the engine, as the CLI would. */
export function checkInMemory(
  repo: MemoryRepo,
  path: string,
  options: { configYaml?: string; repository?: string | null } = {},
): FileReport | null {
  const loaded: Config = loadConfig(options.configYaml ?? null)
  const config: Config = { ...loaded, repository: options.repository === undefined ? 'acme/minutes' : options.repository }
  const content = repo[path]
  if (content === undefined) throw new Error(`test repository has no ${path}`)
  return checkSource({ path, content }, { config, index: indexRepository(Object.keys(repo), compileDatePatterns(config.datePatterns)) })
}

/** A finding as one comparable line: `line:column severity rule message`. */
export function describeFinding(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`
}

/** The findings of one rule in a report, as lines. */
export function findingsOf(report: FileReport | null, rule?: string): string[] {
  return (report?.findings ?? []).filter((finding) => !rule || finding.rule === rule).map(describeFinding)
}
