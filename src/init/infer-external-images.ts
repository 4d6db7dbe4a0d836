import { copyPathOf, type ExternalPicture } from '../links/external-images.js'
import { plural } from '../report/findings.js'

/** How a repository keeps the pictures one host serves. */
export interface PictureHost {
  host: string
  /** Pictures of this host linked, each counted once per file. */
  links: number
  /** Of those, the ones with a file of the same name beside the minutes. */
  copied: number
  /** Copies to add (`minutes-check fetch-images`), each file path once. */
  missingCopies: number
}

/** A convention needs more than one copy to be one. */
const MIN_COPIES = 2

/**
 * The hosts whose pictures the repository keeps copies of: those whose picture links mostly
 * (more than half) have a file of the same name beside the minutes that link them, most
 * links first. Pure: `pictures` are each Markdown file's pictures on other sites.
 */
export function inferPictureHosts(pictures: ReadonlyMap<string, readonly ExternalPicture[]>, files: ReadonlySet<string>): PictureHost[] {
  const byHost = new Map<string, { links: number; copied: number; missing: Set<string> }>()
  for (const [path, found] of pictures) {
    const seen = new Set<string>()
    for (const picture of found) {
      const copyPath = copyPathOf(path, picture.name, null)
      const key = `${picture.host}\n${copyPath}`
      if (copyPath === null || seen.has(key)) continue
      seen.add(key)
      const host = byHost.get(picture.host) ?? { links: 0, copied: 0, missing: new Set<string>() }
      host.links++
      if (files.has(copyPath)) host.copied++
      else host.missing.add(copyPath)
      byHost.set(picture.host, host)
    }
  }
  return [...byHost]
    .filter(([, counts]) => counts.copied >= MIN_COPIES && counts.copied * 2 > counts.links)
    .map(([host, counts]) => ({ host, links: counts.links, copied: counts.copied, missingCopies: counts.missing.size }))
    .sort((a, b) => b.links - a.links || a.host.localeCompare(b.host))
}

/** `Pictures on input.scs.community: 186 of 241 have a copy beside the minutes; 55 copies missing (…).` */
export function describePictureHost(host: PictureHost): string {
  const missing = host.missingCopies === 0 ? 'none missing' : `${host.missingCopies} ${host.missingCopies === 1 ? 'copy' : 'copies'} missing (\`minutes-check fetch-images\` fetches them)`
  return `Pictures on ${host.host}: ${host.copied} of ${plural(host.links, 'link')} have a copy beside the minutes → externalImages.hosts; ${missing}.`
}
