import type { ValidateFunction } from 'ajv'
import validators from '../schemas/validators.cjs'
import type { MinutesModel } from './types.js'

/** The model as plain JSON: what schemas/minutes-model.schema.json describes. */
export interface ModelSummary {
  path: string
  profile: string
  date: string | null
  fileDate: string | null
  title: string | null
  titleDate: {
    raw: string
    normalized: string
    valid: boolean
    canonical: boolean
    ambiguous?: [string, string]
    line: number
    column: number
  } | null
  minuteTaker: string | null
  sections: Array<{ title: string; depth: number; line: number }>
  teams: Array<{
    title: string
    line: number
    kind: 'link' | 'placeholder' | 'none'
    placeholder: string | null
    folder: string | null
    links: string[]
    hasContent: boolean
  }>
  links: Array<{ url: string; line: number; column: number }>
}

/** schemas/minutes-model.schema.json, compiled at build time (scripts/compile-schemas.js). */
const validate = validators.validateModelSummary as ValidateFunction<ModelSummary>

/** Summarises a model as JSON (positions as 1-based line and column). */
export function summarizeModel(model: MinutesModel): ModelSummary {
  const { titleDate } = model
  return {
    path: model.path,
    profile: model.profile,
    date: model.date,
    fileDate: model.fileDate,
    title: model.title?.text ?? null,
    titleDate: titleDate && {
      raw: titleDate.raw,
      normalized: titleDate.normalized,
      valid: titleDate.valid,
      canonical: titleDate.canonical,
      ...(titleDate.ambiguous ? { ambiguous: [...titleDate.ambiguous] } : {}),
      line: titleDate.position.start.line,
      column: titleDate.position.start.column,
    },
    minuteTaker: model.minuteTaker?.name ?? null,
    sections: model.sections.map((section) => ({ title: section.title, depth: section.depth, line: lineOf(section.heading) })),
    teams: model.teams.map((team) => ({
      title: team.section.title,
      line: lineOf(team.section.heading),
      kind: team.kind,
      placeholder: team.placeholder,
      folder: team.folder,
      links: team.links.map((link) => link.url),
      hasContent: team.hasContent,
    })),
    links: model.links.map((link) => ({ url: link.url, line: lineOf(link.node), column: link.node.position?.start.column ?? 1 })),
  }
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1
}

/** Checks a model summary against the schema; returns the problems, none when valid. */
export function validateModelSummary(summary: ModelSummary): string[] {
  if (validate(summary)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
}
