import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { md, type Message } from '../markup/message.js'
import type { SymbolicLink } from '../read/repo-reader.js'
import { linkTargetPath } from '../repo/link-target.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { FileReport, Finding } from '../report/types.js'

/** The rule id of findings about symbolic links (the reader's, not a lint rule's). */
export const SYMBOLIC_LINK_RULE = 'symbolic-link'

/**
 * The report of a symbolic link among the minutes. One inside the repository is checked as
 * its target (the target's own report holds the findings and action items, once); one that
 * points outside is never read, and says so; one whose target is missing says that.
 */
export function symbolicLinkReport(path: string, link: SymbolicLink, config: Config, index: RepoIndex): FileReport {
  // The target is the pull request's data: in the comment's Markdown it stays inert code.
  const finding = (severity: Finding['severity'], message: Message): Finding => ({
    rule: SYMBOLIC_LINK_RULE,
    severity,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: message.plain,
    markdown: message.markdown,
  })
  let found: Finding
  if (link.target === null) {
    found = finding('warning', md`A symbolic link to \`${link.written}\`, outside the repository: not read, so not checked.`)
  } else if (!index.files.has(link.target)) {
    found = finding('warning', md`A symbolic link to \`${link.target}\`, which does not exist.`)
  } else if (link.asText) {
    found = finding('info', md`A symbolic link to \`${link.target}\`, checked out as a text file that holds its target (as git writes links where \`core.symlinks\` is false): checked as that file.`)
  } else {
    found = finding('info', md`A symbolic link to \`${link.target}\`: checked as that file.`)
  }
  return {
    path,
    profile: selectProfile(path, null, config)?.name ?? 'notes',
    date: index.dateOf(path)?.date ?? null,
    findings: [found],
    teams: [],
    actionItems: [],
  }
}

/** Longest target a text-file link is taken for; minutes are never this short and one line. */
const TEXT_LINK_MAX_BYTES = 1024

/**
 * A symbolic link that git checked out as a plain file holding the target's path (on Windows,
 * or wherever `core.symlinks` is false): one line with no space and no line end, naming a
 * Markdown file relative to the link (which may be missing). Checked as a link, it is not a
 * minutes file without a title.
 */
export function textSymbolicLink(path: string, content: Uint8Array | string): SymbolicLink | null {
  if (content.length === 0 || content.length > TEXT_LINK_MAX_BYTES) return null
  const written = typeof content === 'string' ? content : Buffer.from(content).toString('utf8')
  if (!/^[^\s<>[\]()]+\.md$/i.test(written)) return null
  const target = linkTargetPath(path, written)
  // A target that is missing, or outside the repository, is reported as the link's, not as
  // a minutes file with no title and no sections.
  return target !== path ? { written, target, asText: true } : null
}
