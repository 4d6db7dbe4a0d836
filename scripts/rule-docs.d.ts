/** One `@example` of a rule's doc comment. */
export interface RuleExample {
  /** `ok.md`, `not-ok.md`, …: pairs an input with its output. */
  name: string
  /** `ok` (no findings), `input` or `output`. */
  label: 'ok' | 'input' | 'output'
  /** Where the example file lives in the repository (its path picks the profile). */
  path?: string
  /** Other files of the repository (their content does not matter). */
  files?: string[]
  /** The configuration file's content, as an object. */
  config?: Record<string, unknown>
  /** `owner/repo` of the repository; default `acme/minutes`. */
  repository?: string
  /** The Markdown in, or the findings out (one per line). */
  text: string
}

export interface RuleDoc {
  file: string
  id: string
  summary: string
  details: string
  examples: RuleExample[]
}

export function ruleOrder(root: string): string[]
export function readRuleDocs(root: string): RuleDoc[]
export function parseDocComment(body: string): Omit<RuleDoc, 'file' | 'id'>
export function renderRulesDoc(docs: RuleDoc[]): string
