import { headingKey } from '../model/sections.js'

/** A date written in a heading: `2024-05-02`, `2024/05/02`, `02.05.2024`, `20240502`. */
const DATE_IN_HEADING = /\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\b/gu

/** Anything but letters and digits: spaces, punctuation, symbols, emoji. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/**
 * The form under which two headings are the same heading to a reader: case, spacing,
 * punctuation, emoji and a written date do not matter (`Participants - use of github handle`
 * and `Participants  use of github handle`, `Status Page` and `StatusPage`, `Action items
 * 2024-05-02` and `Action items`), the words and other numbers do (`Release 7` is not
 * `Release 8`). A heading of nothing but a date or symbols keeps its plain key.
 */
export function headingForm(text: string): string {
  const form = text.normalize('NFKC').toLowerCase().replace(DATE_IN_HEADING, ' ').replace(NOT_LETTER_OR_DIGIT, '')
  return form === '' ? headingKey(text) : form
}
