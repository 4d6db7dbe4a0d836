/**
 * After owners, `is`/`are` before a verb in -ing says the work has begun, not what it is:
 * `AI: @maxwolfs is building the component` → `building the component`, `@bob is going to
 * write it` → `write it` (real minutes: sig-documentation, 2024-01-15, titled "Is building …").
 * `AI @anna: is the API ready?` keeps its `is`: a question, not a report of work.
 */
const GOING_TO = /(?:is|are)\s+going\s+to\s+/iuy
const PROGRESSIVE = /(?:is|are)\s+(?=\p{L}{2,}ing(?![\p{L}\p{N}]))/iuy

/** The index after `is going to` or a progressive `is`/`are` at `index`; `index` when there is none. */
export function skipProgressive(text: string, index: number): number {
  for (const pattern of [GOING_TO, PROGRESSIVE]) {
    pattern.lastIndex = index
    if (pattern.exec(text)) return pattern.lastIndex
  }
  return index
}
