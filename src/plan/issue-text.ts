import { DATE, saysNothing } from '../action-items/generic-context.js'
import { normaliseText } from '../action-items/text.js'
import { trimTrailing } from '../markup/trim-trailing.js'
import { escapeLine, escapeText, link, neutraliseReferences, truncate } from '../markup/escape.js'
import { BODY_BUDGET } from '../markup/github-limits.js'
import { permalink, type SourceLinks } from '../markup/permalink.js'
import { issueMarker, type ItemIdentity } from './issue-marker.js'
import type { ItemOccurrence } from './occurrences.js'

/** Item text kept in an issue's marker; longer text is cut (the fingerprint still covers all of it). */
const IDENTITY_TEXT_LIMIT = 4000
/** Item text shown in an issue body. */
const BODY_TEXT_LIMIT = 3000
/** The nearest headings and parent items quoted in a body, and how much of each. */
const QUOTED_HEADINGS = 4
const QUOTED_PARENTS = 3
const QUOTED_CONTEXT_LIMIT = 300

/** Owners kept in an issue's marker (schemas/issue-marker.schema.json allows no more); the fingerprint still covers all. */
export const IDENTITY_OWNER_LIMIT = 50
/** Longest series kept in a marker (the schema's limit). */
const IDENTITY_SERIES_LIMIT = 200
/** Owners named in an issue body; the rest are counted (`and 1,450 more`). */
export const BODY_OWNER_LIMIT = 50
/** Issue bodies are measured whole and kept under the bodies' budget (markup/github-limits.ts). */
export const ISSUE_BODY_LIMIT = BODY_BUDGET

export function identityOf(occurrence: ItemOccurrence): ItemIdentity {
  const { item } = occurrence
  return {
    v: 1,
    id: item.id,
    series: markerSeries(occurrence.series),
    owners: item.owners.slice(0, IDENTITY_OWNER_LIMIT),
    text: truncate(item.text, IDENTITY_TEXT_LIMIT),
    // Read back by the dashboard: when the item was first written down, and its due date.
    ...(occurrence.date ? { date: occurrence.date } : {}),
    ...(item.due ? { due: item.due } : {}),
  }
}

/** The series as a marker keeps it: a folder path of more than 200 characters is cut. */
export function markerSeries(series: string): string {
  return truncate(series, IDENTITY_SERIES_LIMIT)
}

/** An item of fewer words than this does not say what it is about (`Cancel`, `Create draft`). */
const MIN_STANDALONE_WORDS = 4
/**
 * Fewer words stand alone when this many of them name things: `LICENSE file cleanup`, `Write
 * upgrading guide`; not `Create PR`, `Coordination via email`, `Discuss next week`.
 */
const MIN_NAMING_WORDS = 3
/** Words by which an item points at something said before it (`Bring this forward`, `Fix accordingly`). */
const LEANING_WORDS = new Set(['this', 'it', 'that', 'them', 'accordingly'])
/** Words that point back after `as` or `the` (`as discussed`, `the above`). */
const LEANING_AFTER = new Map([
  ['the', new Set(['above'])],
  ['as', new Set(['above', 'discussed', 'agreed', 'mentioned', 'said', 'before'])],
])
/**
 * Words that name nothing: articles, pronouns, prepositions, conjunctions, verbs of being and
 * having, and when (`next week`, `again`): a short item made of them with one other word does
 * not say what it is about.
 */
const EMPTY_WORDS = new Set(
  (
    'a an the of to for in on at by with from into onto about as via per and or but nor if then than so vs ' +
    'i me my we us our you your he him his she her they their its one some any all each both other another ' +
    'is are be been was were will shall should would can could may might must do does did has have had not no ' +
    'up out off over again also asap soon now later today tomorrow next last week weeks meeting time further offline first please maybe possibly'
  ).split(' '),
)
/** Context quoted in a title is cut to this many characters, on a word boundary. */
const TITLE_CONTEXT_LIMIT = 60

/** A URL written in the text (`https://…`, `www.…`): a link says where, not what. */
const WRITTEN_URL = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S*/iu

/**
 * Whether an item's text says on its own what is to be done: no word pointing back (`this`,
 * `it`, `that`, `them`, `the above`, `as discussed`; a word in capitals is a name, `IT`, not
 * one), and four words or more, or three words that name things (outside brackets, not
 * `the`, `via`, `next week`: `LICENSE file cleanup`). A URL is no words: `<link> - refinement`
 * does not say what it is about.
 */
export function standsAlone(text: string): boolean {
  const tokens = text.normalize('NFKC').split(/\s+/u).filter((token) => token !== '' && !WRITTEN_URL.test(token))
  const words = tokens.join(' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const lower = words.map((word) => (word.length > 1 && word === word.toUpperCase() ? '' : word.toLowerCase()))
  if (lower.some((word, index) => LEANING_WORDS.has(word) || (LEANING_AFTER.get(word)?.has(lower[index + 1] ?? '') ?? false))) return false
  if (words.length >= MIN_STANDALONE_WORDS) return true
  return namingWords(tokens) >= MIN_NAMING_WORDS
}

/** Words outside brackets that name something (`spec/blueprint` is one, `(Kurt)` an aside). */
function namingWords(tokens: readonly string[]): number {
  let depth = 0
  let count = 0
  for (const token of tokens) {
    const opening = (token.match(/[([{]/gu) ?? []).length
    const closing = (token.match(/[)\]}]/gu) ?? []).length
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase()
    if (depth === 0 && !/^[([{]/u.test(token) && /\p{L}/u.test(word) && !EMPTY_WORDS.has(word)) count++
    depth = Math.max(0, depth + opening - closing)
  }
  return count
}

/**
 * What an item that does not stand alone is about, quoted from the minutes: the list item it
 * is nested in, else the nearest heading; null when there is none, or it only repeats the item.
 * Context that says nothing is passed over for the next that does: a generic heading or list
 * item (`Agenda`, `Housekeeping`, `Decision`), a date, or the meeting's own title.
 */
export function titleContext(occurrence: ItemOccurrence): string | null {
  const { text, context } = occurrence.item
  if (standsAlone(text)) return null
  const own = normaliseText(text)
  const candidates = [...context.parents].reverse().map((quoted) => ({ quoted, title: false }))
  // The outermost heading is the meeting's title when it carries a date (`SIG Docs 2024-01-15`).
  const headings = [...context.headings].map((quoted, index) => ({ quoted, title: index === 0 && DATE.test(quoted) })).reverse()
  const found = candidates
    .concat(headings)
    .find(({ quoted, title }) => !title && normaliseText(quoted) !== '' && normaliseText(quoted) !== own && !saysNothing(quoted, occurrence.series))
  return found === undefined ? null : trimTrailing(truncate(oneLine(found.quoted), TITLE_CONTEXT_LIMIT), ':;,.–—-')
}

/**
 * The item as a title, without its series: its text, capitalised; followed by its context when
 * it does not stand alone (`Cancel: project board on 2026-02-16, both organisers away`).
 * Issue titles and the plan in the summary comment show the same words.
 */
export function itemTitle(occurrence: ItemOccurrence): string {
  const text = oneLine(occurrence.item.text)
  const capitalised = capitalise(text)
  const context = titleContext(occurrence)
  return context === null ? capitalised : `${trimTrailing(capitalised, ':;,.')}: ${context}`
}

/**
 * `[iaas] Ask Vexxhost whether …`: titles are plain text on GitHub (no Markdown to escape),
 * but GitHub still reads `#123`, `GH-123`, `@name` and issue URLs in them as references, so
 * those are broken as in bodies.
 */
export function issueTitle(occurrence: ItemOccurrence): string {
  return neutraliseReferences(truncate(`[${occurrence.series}] ${itemTitle(occurrence)}`, 120))
}

/**
 * The text with its first letter in capitals, unless its first word is written as it must be:
 * a URL, a handle, a path or name with digits, dots, slashes, underscores or inner capitals
 * (`https://…`, `@anna`, `values.yaml`, `k8s`, `eBPF`), which a capital would misspell.
 */
function capitalise(text: string): string {
  const first = text.split(' ', 1)[0] ?? ''
  const word = first.replace(/[,;:!?)]+$/u, '')
  if (!/^\p{Ll}/u.test(word) || WRITTEN_URL.test(word) || /[\p{N}./\\_@:#=<>~`]|.\p{Lu}/u.test(word)) return text
  return `${first.charAt(0).toUpperCase()}${text.slice(1)}`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "the iaas minutes of 2023-03-22", linked to the item's line at the commit. */
export function meetingLink(occurrence: ItemOccurrence, links: SourceLinks): string {
  const meeting = `${truncate(occurrence.series, IDENTITY_SERIES_LIMIT)} minutes${occurrence.date ? ` of ${occurrence.date}` : ''}`
  return link(escapeText(meeting), permalink(links, occurrence.path, occurrence.item.line))
}

/**
 * The body of a new issue: the item, its owners (named without `@`: assignment notifies
 * those who can be assigned, nobody else gets mention spam), due date, source, and the
 * hidden marker that lets later runs find it.
 */
export function issueBody(occurrence: ItemOccurrence, links: SourceLinks): string {
  const { item } = occurrence
  const owners = item.owners.length > 0 ? ownerList(item.owners) : 'not named in the minutes'
  const head = [issueMarker(identityOf(occurrence)), `**Action item** from the ${meetingLink(occurrence, links)}:`, '']
  const quoted = quote(occurrence)
  const lines = [
    ...head,
    ...quoted,
    '',
    `- **Owners:** ${owners}`,
    ...(item.due ? [`- **Due:** ${item.due}`] : []),
    `- **Source:** ${link(escapeText(`${occurrence.path}, line ${item.line}`), permalink(links, occurrence.path, item.line))}`,
    '',
    '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
  ]
  const body = `${lines.join('\n')}\n`
  // Every part is bounded; should escaping still make the whole too long, the quote goes.
  if (body.length <= ISSUE_BODY_LIMIT) return body
  return `${[...head, ...lines.slice(head.length + quoted.length + 1)].join('\n')}\n`
}

/** `alice, bob and 1,450 more`: the first `BODY_OWNER_LIMIT` owners, as text (never `@`), then a count. */
export function ownerList(owners: readonly string[], limit = BODY_OWNER_LIMIT): string {
  const shown = owners.slice(0, limit).map(escapeText).join(', ')
  return owners.length > limit ? `${shown} and ${(owners.length - limit).toLocaleString('en-US')} more` : shown
}

/**
 * The item quoted where it stands: the heading path above it (`_Team updates › Team
 * Storage_`), the list items it is nested in, and the item itself in bold among them.
 * An item with no context is quoted alone.
 */
function quote(occurrence: ItemOccurrence): string[] {
  const { text, context } = occurrence.item
  const shown = (part: string, limit: number): string => truncate(oneLine(part), limit)
  const headings = context.headings.slice(-QUOTED_HEADINGS).map((heading) => escapeText(shown(heading, QUOTED_CONTEXT_LIMIT)))
  // An item that took its parent's text (`- Can we …?⏎  - Yes, AI: @anna`) is that line: quoted once.
  const parents = context.parents.at(-1) === text ? context.parents.slice(-QUOTED_PARENTS - 1, -1) : context.parents.slice(-QUOTED_PARENTS)
  const lines = headings.length > 0 ? [`_${headings.join(' › ')}_`, ''] : []
  parents.forEach((parent, depth) => lines.push(`${'  '.repeat(depth)}- ${escapeLine(shown(parent, QUOTED_CONTEXT_LIMIT))}`))
  const itself = truncate(text, BODY_TEXT_LIMIT)
  if (parents.length > 0) lines.push(`${'  '.repeat(parents.length)}- **${escapeText(itself)}**`)
  else lines.push(escapeLine(itself))
  return lines.map((line) => (line === '' ? '>' : `> ${line}`))
}

const SOURCE_PREFIX = '- **Source:** ['

/**
 * The link to the item's line that `issueBody` wrote (`- **Source:** [path, line N](url)`);
 * null when the body has none (edited by hand). The dashboard checks where it points.
 */
export function readSourceLink(body: string | null | undefined): string | null {
  const line = body?.split('\n').find((each) => each.startsWith(SOURCE_PREFIX))
  const url = line?.match(/\]\((\S+)\)$/u)?.[1]
  return url ?? null
}

export function closeComment(occurrence: ItemOccurrence, links: SourceLinks): string {
  return `Marked done in the ${meetingLink(occurrence, links)}.\n`
}

export function reopenComment(occurrence: ItemOccurrence, links: SourceLinks): string {
  return `Listed again as not done in the ${meetingLink(occurrence, links)}.\n`
}

export function duplicateComment(original: number): string {
  return `Duplicate of #${original}: another run tracked the same action item first. Closed by minutes-automation.\n`
}
