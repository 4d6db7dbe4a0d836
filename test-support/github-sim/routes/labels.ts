import { paginated } from '../pagination.js'
import { labelJson } from '../representations.js'
import { json, notFound, validationFailed } from '../responses.js'
import { addLabel, DEFAULT_LABEL_COLOR, findLabel } from '../state.js'
import type { RouteHandler } from './context.js'

/** GET /repos/{owner}/{repo}/labels/{name} — names match case-insensitively. */
export const getLabel: RouteHandler = ({ state, urls, params, docsUrl }) => {
  const label = findLabel(state, params.name ?? '')
  return label ? json(200, labelJson(urls, label)) : notFound(docsUrl)
}

/** GET /repos/{owner}/{repo}/labels */
export const listLabels: RouteHandler = ({ state, urls, query, url }) =>
  paginated(state.labels, { url, perPage: query.per_page, page: query.page }, (label) => labelJson(urls, label))

/** The longest label name GitHub accepts. */
const LABEL_NAME_LIMIT = 50

/**
 * POST /repos/{owner}/{repo}/labels — 422 `already_exists` for a taken name, `invalid` for a
 * bad color, `custom` for a name over 50 characters (GitHub's message, github/docs#32156).
 */
export const createLabel: RouteHandler = ({ state, urls, body, docsUrl }) => {
  const name = String(body.name)
  if ([...name].length > LABEL_NAME_LIMIT) {
    return validationFailed([{ resource: 'Label', code: 'custom', field: 'name', message: `name is too long (maximum is ${LABEL_NAME_LIMIT} characters)` }], docsUrl)
  }
  if (findLabel(state, name)) return validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }], docsUrl)
  const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : DEFAULT_LABEL_COLOR
  if (!/^[0-9a-fA-F]{6}$/.test(color)) return validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }], docsUrl)
  const label = addLabel(state, { name, color: color.toLowerCase(), description: typeof body.description === 'string' ? body.description : null })
  return json(201, labelJson(urls, label), { location: `${urls.repoApi}/labels/${encodeURIComponent(label.name)}` })
}
