import { linkTargetPath } from '../repo/link-target.js'
import type { SymbolicLink } from './repo-reader.js'

/** Most links followed in a row, as the Linux kernel's `ELOOP` limit. */
const MAX_HOPS = 40

/**
 * The symbolic links of a git tree, from what each one holds (its blob: the target as
 * written), resolved as a checkout would resolve them: relative to the link's folder, through
 * links to links, never out of the repository (target null). A link to a folder is `'folder'`
 * (a checkout does not walk it; its files are listed where they really are). A cycle of links
 * keeps its first step as the target, as a dangling link would.
 */
export function resolveTreeLinks(written: ReadonlyMap<string, string>, folders: ReadonlySet<string>): Map<string, SymbolicLink | 'folder'> {
  const resolved = new Map<string, SymbolicLink | 'folder'>()
  for (const [path, target] of written) {
    const firstStep = linkTargetPath(path, target)
    let current = firstStep
    for (let hops = 0; current !== null && written.has(current); hops++) {
      if (hops === MAX_HOPS || current === path) {
        current = firstStep
        break
      }
      current = linkTargetPath(current, written.get(current) ?? '')
    }
    resolved.set(path, current !== null && folders.has(current) ? 'folder' : { written: target, target: current })
  }
  return resolved
}
