/**
 * Context that says nothing about an item: the parts every meeting has (`Agenda`, `AOB`),
 * dates, and the meeting's own title. Shared by extraction (the topic an owner-only marker
 * takes) and issue titles (the context quoted after a short item).
 */

/** A date as minutes write it: `2024-01-15`, `15.01.2024`, `01/15/24`. */
export const DATE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/u

/** Words of headings that name a part of any meeting, not a topic: `Agenda`, `AOB`, `Side discussion`. */
const GENERIC_WORDS = new Set(
  (
    'agenda minutes minute notes note meeting meetings call weekly discussion discussions side housekeeping aob any other business misc miscellaneous ' +
    'general topics topic decision decisions decided updates update news summary protocol open points point items item various remarks ' +
    'of the and for on from a to date time jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december ' +
    'actions action tasks task next steps step follow up ups followups homework todo todos ais ' +
    'monday tuesday wednesday thursday friday saturday sunday st nd rd th'
  ).split(' '),
)

/**
 * Whether quoted context adds nothing to a title: once the words every meeting uses, numbers
 * (dates) and the series' own name (`sig-monitoring` → `SIG Monitoring Meeting`) are taken
 * out, no word is left.
 */
export function saysNothing(quoted: string, series: string): boolean {
  const seriesWords = new Set(series.toLowerCase().split(/[^\p{L}\p{N}]+/u))
  return quoted
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !/^\d+(?:st|nd|rd|th)?$/u.test(word))
    .every((word) => GENERIC_WORDS.has(word) || seriesWords.has(word))
}
