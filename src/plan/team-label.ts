/** GitHub refuses label names longer than this (`name is too long (maximum is 50 characters)`). */
export const LABEL_NAME_LIMIT = 50

/**
 * The per-team label of an item: `teamLabel` with `{series}` replaced by the meeting series
 * (the minutes' folder), in one line, cut to GitHub's 50 characters (whole characters, never
 * half an emoji). A folder is named by whoever adds minutes; whether the label may be used
 * (it must not be a label of another purpose, such as `good first issue`) is decided where
 * labels are known, when the plan is carried out.
 */
export function teamLabelName(template: string, series: string): string {
  const name = template.replaceAll('{series}', series).replace(/\s+/g, ' ').trim()
  return Array.from(name).slice(0, LABEL_NAME_LIMIT).join('').trim()
}
