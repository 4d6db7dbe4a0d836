import type { SimResponse } from './responses.js'

/** GitHub's page size limits. */
export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

/** Where the page links point: the request's URL, with `page` replaced. */
export interface PageRequest {
  /** Absolute URL of the request, query included. */
  url: URL
  /** Typed `per_page` and `page` query values, if given. */
  perPage: unknown
  page: unknown
}

/**
 * Slices one page out of `items` and answers it with a GitHub-style `Link` header
 * (`prev`, `next`, `last`, `first`, in GitHub's order). `per_page` is capped at 100.
 */
export function paginated<T>(items: T[], request: PageRequest, toJson: (item: T) => unknown): SimResponse {
  const perPage = Math.min(MAX_PER_PAGE, positiveInt(request.perPage) ?? DEFAULT_PER_PAGE)
  const page = positiveInt(request.page) ?? 1
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)

  const links: string[] = []
  const link = (target: number, rel: string) => {
    const url = new URL(request.url)
    url.searchParams.set('page', String(target))
    links.push(`<${url.toString()}>; rel="${rel}"`)
  }
  if (page > 1) link(Math.min(page - 1, lastPage), 'prev')
  if (page < lastPage) {
    link(page + 1, 'next')
    link(lastPage, 'last')
  }
  if (page > 1) link(1, 'first')

  return { status: 200, body: slice.map(toJson), ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}
