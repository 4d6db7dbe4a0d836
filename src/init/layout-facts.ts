import type { Root } from 'mdast'
import { DEFAULT_CONFIG } from '../config/defaults.js'
import { externalPictures, type ExternalPicture } from '../links/external-images.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { factsOf, type FileFacts } from './file-facts.js'
import { runningFileOf, type RunningFile } from './infer-running.js'

/**
 * What `init` reads from one file's tree: its facts, the external pictures it links, and the
 * file as a running file. Plain data, so a worker that parsed the file can send it back
 * (issue 22: `init` reads each file in one parse, on every core).
 */
export interface LayoutFacts {
  facts: FileFacts
  pictures: ExternalPicture[]
  running: RunningFile | null
}

/** The layout facts of one parsed file. */
export function layoutFactsOf(path: string, tree: Root, index: RepoIndex): LayoutFacts {
  return {
    facts: factsOf(path, tree, DEFAULT_CONFIG.placeholders),
    pictures: externalPictures(tree),
    // A file whose path holds a day is one meeting, however many dated headings it has.
    running: index.dateOf(path) ? null : runningFileOf(path, tree),
  }
}
