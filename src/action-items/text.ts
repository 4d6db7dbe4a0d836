/**
 * Tidies an item's text once its marker, owners and done marks are cut out: one space
 * between words, no punctuation left dangling where a piece was removed
 * (`Hackathon, , add` → `Hackathon, add`), no glue arrows or colons at either end.
 */
export function tidyText(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\(\s*[,;]?\s*\)/gu, '')
    .replace(/\(\s*[,;]\s*/gu, '(')
    .replace(/\s*[,;]\s*\)/gu, ')')
    .replace(/\s+([,;])/gu, '$1')
    .replace(/([,;])(?:\s*[,;])+/gu, '$1')
    .replace(/^[\s,;:>=→⇒•–—-]+/u, '')
    .replace(/[\s,;:>=→⇒–—-]+$/u, '')
    .trim()
}

/** Lower case, letters and digits only, single-spaced: what an item says, not how it is typed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
