import { repositoryJson } from '../representations.js'
import { json } from '../responses.js'
import type { RouteHandler } from './context.js'

/** GET /repos/{owner}/{repo} */
export const getRepository: RouteHandler = ({ urls, state }) => json(200, repositoryJson(urls, state, true))
