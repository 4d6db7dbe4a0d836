import { userJson } from '../representations.js'
import { errorResponse, json } from '../responses.js'
import type { RouteHandler } from './context.js'

/**
 * GET /user: the token's own account (a `public-user`). GitHub refuses it to installation
 * tokens such as GITHUB_TOKEN, whose actor is a bot; so does the simulator.
 */
export const getAuthenticatedUser: RouteHandler = ({ urls, state, docsUrl }) => {
  if (state.actor.endsWith('[bot]')) return errorResponse(403, 'Resource not accessible by integration', docsUrl)
  return json(200, {
    ...userJson(urls, state.actor),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  })
}
