/**
 * Text from the minutes (a path, a message quoting a link target or a title) as part of one
 * log line: line breaks and other control characters are written as escapes (`\n`, `\r`,
 * `\u2028`), so one finding stays one line and nothing it quotes starts a line of its own.
 * The Actions runner ends a line at LF, CRLF and a lone CR (.NET `StreamReader.ReadLine`) and
 * reads a line that then starts with `::` as a workflow command; terminals and log viewers
 * also break at VT, FF, NEL, U+2028 and U+2029, and ESC starts colour codes that hide text.
 */
export function logLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Every C0 control but the tab, DEL, every C1 control (NEL is U+0085), and the two Unicode separators.
// eslint-disable-next-line no-control-regex
const BREAKS_AND_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r' }
