// Release check and notes for a tag vX.Y.Z (run by .github/workflows/release.yml as
// `node scripts/release-notes.ts vX.Y.Z`): fails, naming each problem, unless package.json,
// the configuration schema's $id and CHANGELOG.md all speak of that version; then prints
// the version's CHANGELOG section, which becomes the GitHub release's notes.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where editors fetch the configuration schema of a release: the raw file at its tag. */
export function schemaUrl(tag: string): string {
  return `https://raw.githubusercontent.com/minutes-automation/minutes-automation/${tag}/schemas/config.schema.json`
}

/**
 * The body of the CHANGELOG section `## [version] - date` (Keep a Changelog), trimmed, up to
 * the next `## ` heading or the link definitions at the end; null when there is none.
 */
export function changelogSection(changelog: string, version: string): string | null {
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`))
  if (start < 0) return null
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line))
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
}

export interface ReleaseTree {
  packageVersion: string
  schemaId: string
  changelog: string
}

/** What stops `tag` from being released from `tree`; empty when it may be. */
export function releaseProblems(tag: string, tree: ReleaseTree): string[] {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag)
  if (!match?.[1]) return [`The tag “${tag}” is not vMAJOR.MINOR.PATCH.`]
  const version = match[1]
  const problems: string[] = []
  if (tree.packageVersion !== version) problems.push(`package.json says version ${tree.packageVersion}, the tag ${tag}: set "version": "${version}".`)
  if (tree.schemaId !== schemaUrl(tag)) problems.push(`schemas/config.schema.json has $id ${tree.schemaId}; for ${tag} it is ${schemaUrl(tag)}.`)
  const heading = tree.changelog.split(/\r?\n/).find((line) => line.startsWith(`## [${version}]`))
  if (heading === undefined) problems.push(`CHANGELOG.md has no section “## [${version}] - YYYY-MM-DD” (move the Unreleased entries into it).`)
  else if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(heading)) problems.push(`CHANGELOG.md's heading “${heading}” lacks its date: “## [${version}] - YYYY-MM-DD”.`)
  else if (!changelogSection(tree.changelog, version)) problems.push(`CHANGELOG.md's section for ${version} is empty.`)
  return problems
}

/** Reads package.json, the schema and CHANGELOG.md of the checkout at `root`. */
export function readReleaseTree(root: string): ReleaseTree {
  const read = (path: string) => readFileSync(join(root, path), 'utf8')
  return {
    packageVersion: (JSON.parse(read('package.json')) as { version: string }).version,
    schemaId: (JSON.parse(read('schemas/config.schema.json')) as { $id: string }).$id,
    changelog: read('CHANGELOG.md'),
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tag = process.argv[2] ?? ''
  const tree = readReleaseTree(resolve(fileURLToPath(import.meta.url), '..', '..'))
  const problems = releaseProblems(tag, tree)
  if (problems.length > 0) {
    process.stderr.write(`Cannot release ${tag}:\n- ${problems.join('\n- ')}\n`)
    process.exit(1)
  }
  process.stdout.write(`${changelogSection(tree.changelog, tag.slice(1))}\n`)
}
