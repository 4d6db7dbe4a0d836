/**
 * An owner's answer to the question above (`- Can we replace it with a static image?⏎  - Yes,
 * AI: @o-otte`): the word says only that it will be done; the task is the question. Real
 * minutes (sig-central-api, 2024-08-27) write it so, and the issue was titled "Yes".
 */
const ANSWER_WORD = /^(?:yes|yep|yeah|ok|okay|agreed|sure|\+1)[\s.!,:;]*$/iu

/** Whether an item's text is only a word of assent, to be replaced by the question it answers. */
export function onlyAssent(text: string): boolean {
  return text.length <= 12 && ANSWER_WORD.test(text.trim())
}
