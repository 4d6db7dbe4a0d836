import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

/**
 * The folders of `src/` in pipeline order, lowest first: a folder may import from itself and
 * from folders listed before it, never from one listed after it. So the import graph between
 * folders is acyclic, and a newcomer reads the pipeline off this list. A new folder must be
 * placed here (the test says so).
 */
const LAYERS = [
  'types',
  'markup',
  'schemas',
  'repo',
  'parse',
  'read',
  'action-items',
  'config',
  'links',
  'model',
  'rules',
  'report',
  'fix',
  'check',
  'init',
  'plan',
  'next',
  'render',
  'github',
  'cli',
  'action',
]

const SRC = join(PROJECT_ROOT, 'src')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|cts|mts)$/.test(entry.name) ? [path] : []
  })
}

/** The top-level folder of `src/` a file is in; '' for files directly in `src/`. */
function layerOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/)
  return parts.length > 1 ? (parts[0] ?? '') : ''
}

/** Every relative import and re-export of a TypeScript file (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1] ?? '')
  return specifiers.map((specifier) => resolve(dirname(file), specifier))
}

interface Edge {
  from: string
  to: string
  file: string
}

function folderEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(file)
      .map((target) => ({ from: layerOf(file), to: layerOf(target), file: relative(SRC, file) }))
      .filter((edge) => edge.from !== edge.to && edge.from !== '' && edge.to !== ''),
  )
}

describe('folder layers of src/', () => {
  it('places every folder of src/ in the pipeline order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(folders.filter((folder) => !LAYERS.includes(folder))).toEqual([])
  })

  it('imports only from the same folder or a lower one, so the folder graph is acyclic', () => {
    const upward = folderEdges()
      .filter((edge) => LAYERS.indexOf(edge.to) > LAYERS.indexOf(edge.from))
      .map((edge) => `${edge.file} imports ${edge.to}/ from ${edge.from}/`)
    expect(upward).toEqual([])
  })

  it('sees the imports it judges (the check cannot pass by reading nothing)', () => {
    const edges = folderEdges()
    expect(edges.some((edge) => edge.from === 'check' && edge.to === 'rules')).toBe(true)
    expect(edges.some((edge) => edge.from === 'action' && edge.to === 'github')).toBe(true)
  })
})
