/**
 * Tidies an item's text once its marker, owners and done marks are cut out: one space
 * between words, no punctuation left dangling where a piece was removed
 * (`Hackathon, , add` → `Hackathon, add`), no glue arrows or colons at either end.
 */
export function tidyText(text: string): string {
  const tidied = text
    .replace(/\s+/gu, ' ')
    .replace(/\(\s*[,;]?\s*\)/gu, '')
    .replace(/\(\s*[,;]\s*/gu, '(')
    .replace(/\s*[,;]\s*\)/gu, ')')
    .replace(/\s+([,;])/gu, '$1')
    .replace(/([,;])(?:\s*[,;])+/gu, '$1')
    .replace(/^[\s,;:>=→⇒•–—-]+/u, '')
  return tidied.slice(0, gluedEnd(tidied)).trim()
}

/** Glue that may close a text: spaces, punctuation left dangling, arrows, dashes. */
const TRAILING_GLUE = new Set([...' ,;:>=→⇒–—-'])

/**
 * Where a text ends once trailing glue is cut. A loop, not `/[…]+$/`: that pattern retries
 * from every character of a long run (`x - - - - …`), which is quadratic.
 */
function gluedEnd(text: string): number {
  let end = text.length
  while (end > 0 && (TRAILING_GLUE.has(text[end - 1] ?? '') || /\s/u.test(text[end - 1] ?? ''))) end--
  return end
}

/** Lower case, letters and digits only, single-spaced: what an item says, not how it is typed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
