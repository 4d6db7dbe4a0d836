import type { Root } from 'mdast'
import type { Point, Position } from 'unist'
import { visit } from 'unist-util-visit'
import { splitPath } from '../repo/repo-index.js'

/** File name endings of pictures (compared without case). */
export const PICTURE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'heic', 'heif'] as const

/** A picture on another site that the minutes show or link. */
export interface ExternalPicture {
  url: string
  /** `input.scs.community`: lower case, with a port when not the default. */
  host: string
  /** The file name the URL ends in, decoded (`a1b2.png`); the copy's name. */
  name: string
  position: Position | undefined
}

/** A picture on a configured host with no copy where the repository keeps them. */
export interface MissingCopy {
  picture: ExternalPicture
  /** Where the copy belongs (`community-call/a1b2.png`). */
  copyPath: string
}

/** URLs in raw HTML and front matter (`<!-- .slide: data-background="…" -->`), one node's value at a time. */
const URL_IN_VALUE = /https?:\/\/[^\s"'<>()`]+/gi

/**
 * Every picture on another site a document shows or links, in order: images, links and
 * link definitions, and URLs in raw HTML and in the front matter (a slide deck's background).
 * A URL is a picture when its path ends in a file name with a picture extension; the query
 * string and fragment are not part of the name.
 */
export function externalPictures(tree: Root): ExternalPicture[] {
  const pictures: ExternalPicture[] = []
  const add = (url: string, position: Position | undefined) => {
    const picture = pictureOfUrl(url)
    if (picture) pictures.push({ ...picture, position })
  }
  visit(tree, (node) => {
    if (node.type === 'image' || node.type === 'link' || node.type === 'definition') add(node.url, node.position)
    else if (node.type === 'html' || node.type === 'yaml') {
      // Front matter's position starts at its `---` line; its value at the next.
      const start = node.type === 'yaml' && node.position ? { ...node.position.start, line: node.position.start.line + 1, column: 1, offset: undefined } : node.position?.start
      for (const match of node.value.matchAll(URL_IN_VALUE)) {
        add(match[0], start && { start: advance(start, node.value, match.index), end: advance(start, node.value, match.index + match[0].length) })
      }
    }
  })
  return pictures
}

/** The host and file name of a picture URL; null when it is not an http(s) link to a picture file. */
export function pictureOfUrl(url: string): { url: string; host: string; name: string } | null {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  const last = parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1)
  let name: string
  try {
    name = decodeURIComponent(last)
  } catch {
    return null
  }
  // A name that is not one plain file name (`..`, a slash once decoded, control characters) is never a path we write.
  if (name === '' || name.startsWith('.') || /[/\\]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f')) return null
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  if (!name.includes('.') || !(PICTURE_EXTENSIONS as readonly string[]).includes(extension)) return null
  return { url: url.trim(), host: parsed.host, name }
}

/**
 * Where the copy of a picture linked from `filePath` belongs: beside the file, or in `folder`
 * relative to the file's folder. Null when `folder` leads out of the repository.
 */
export function copyPathOf(filePath: string, name: string, folder: string | null): string | null {
  const parts = splitPath(filePath)[0].split('/').filter((part) => part !== '')
  for (const part of (folder ?? '').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(part)
  }
  return [...parts, name].join('/')
}

/**
 * The pictures of `filePath` on one of `hosts` whose copy is not among `files`: one per copy,
 * at its first link, in order.
 */
export function missingCopies(
  filePath: string,
  pictures: readonly ExternalPicture[],
  settings: { hosts: readonly string[]; folder: string | null },
  files: ReadonlySet<string>,
): MissingCopy[] {
  const hosts = new Set(settings.hosts.map((host) => host.toLowerCase()))
  const missing = new Map<string, MissingCopy>()
  for (const picture of pictures) {
    if (!hosts.has(picture.host)) continue
    const copyPath = copyPathOf(filePath, picture.name, settings.folder)
    if (copyPath === null || files.has(copyPath) || missing.has(copyPath)) continue
    missing.set(copyPath, { picture, copyPath })
  }
  return [...missing.values()]
}

/** The point `offset` characters into `value`, which starts at `start`. */
function advance(start: Point, value: string, offset: number): Point {
  const before = value.slice(0, offset)
  const newlines = before.split('\n').length - 1
  const column = newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n')
  return { line: start.line + newlines, column }
}
