import { headingKey } from '../model/sections.js'

/** Anything but letters and digits: spaces, punctuation, symbols, emoji. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/**
 * The form under which two headings are the same heading to a reader: case, spacing,
 * punctuation and emoji do not matter (`Participants - use of github handle` and
 * `Participants  use of github handle`, `Status Page` and `StatusPage`, `Sprint Review &
 * Planning` and `Sprint Review/Planning`); the words and numbers do (`Release 7` is not
 * `Release 8`, and a heading naming its meeting's date is that meeting's). A heading of
 * nothing but symbols keeps its plain key.
 */
export function headingForm(text: string): string {
  const form = text.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '')
  return form === '' ? headingKey(text) : form
}
