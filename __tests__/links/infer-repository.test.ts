import { describe, expect, test } from '@jest/globals'
import { githubFileMentions, inferRepositoryFrom, RepositoryInference, type InferredRepository, type LinkSource } from '../../src/links/infer-repository.js'
import { indexRepository } from '../../src/repo/repo-index.js'

const index = indexRepository(['iaas/20261118.md', 'iam/20261117.md', 'community-call/20261119.md'])
const ours = (path: string) => `https://github.com/acme/minutes/blob/main/${path}`
const theirs = (path: string) => `https://github.com/other/minutes/blob/main/${path}`

/** The answer over every link at once: one source holding them all, read whole. */
const overAllLinks = (urls: string[]) => inferRepositoryFrom([{ mentions: urls.length, urls: () => urls }], index).repository

/** Files as the inference sees them, recording which ones it read. */
function files(...urlsPerFile: string[][]): { sources: LinkSource[]; read: number[] } {
  const read: number[] = []
  const sources = urlsPerFile.map((urls, position) => ({
    mentions: urls.length,
    urls: () => {
      read.push(position)
      return urls
    },
  }))
  return { sources, read }
}

describe('inferring the repository from the links of files, reading no more than it takes', () => {
  test('one repository far ahead: reading stops once the unread files cannot catch up, with the answer all files give', () => {
    const urlsPerFile = [[ours('iaas/20261118.md'), ours('iam/20261117.md')], [ours('iaas/20261118.md')], [ours('iam/20261117.md')], [theirs('iaas/20261118.md')]]
    const { sources, read } = files(...urlsPerFile)
    expect(inferRepositoryFrom(sources, index)).toEqual({ repository: 'acme/minutes', sawFileLink: true })
    expect(overAllLinks(urlsPerFile.flat())).toBe('acme/minutes')
    // Most mentions first: after the first file (2 to 0, 3 unread) it is open; after the second, 3 to 0 with 2 unread.
    expect(read).toEqual([0, 1])
  })

  test('a close race reads every file; a tie is no answer, as over all the links', () => {
    const urlsPerFile = [[ours('iaas/20261118.md')], [theirs('iaas/20261118.md')], [ours('iam/20261117.md')], [theirs('iam/20261117.md')]]
    const { sources, read } = files(...urlsPerFile)
    expect(inferRepositoryFrom(sources, index)).toEqual({ repository: null, sawFileLink: true })
    expect(overAllLinks(urlsPerFile.flat())).toBeNull()
    expect(read).toHaveLength(4)
  })

  test('links to paths this tree does not have count for nothing; with no file link at all, none was seen', () => {
    expect(inferRepositoryFrom(files([ours('gone/20200101.md')], [theirs('iaas/20261118.md')]).sources, index)).toEqual({ repository: 'other/minutes', sawFileLink: true })
    expect(inferRepositoryFrom(files(['https://github.com/acme/minutes/issues/4']).sources, index)).toEqual({ repository: null, sawFileLink: false })
  })

  test('mentions of github.com files and folders, in any case, bound the file links a text can hold', () => {
    const text = '[a](https://GitHub.com/acme/minutes/blob/main/x.md), www.github.com/acme/minutes/tree/main/iaas, [b][b]\n\n[b]: //github.com/a/b/blob/c/d.md\n'
    expect(githubFileMentions(text)).toBe(3)
    expect(githubFileMentions('https://github.com/acme/minutes/issues/4, github.com/acme, github.io/x/y/blob/')).toBe(0)
  })
})

describe('the inference as links come in, in any order (issue 22: from the check’s own parse)', () => {
  const urlsPerFile = [[ours('iaas/20261118.md')], [theirs('iaas/20261118.md'), theirs('iam/20261117.md')], [ours('iam/20261117.md'), ours('iaas/20261118.md')], [ours('community-call/20261119.md')], []]
  const mentions = urlsPerFile.map((urls) => urls.length + 1)

  test('decides what reading them one by one decides, at the same point, whatever the order they arrive in', () => {
    const expected = inferRepositoryFrom(files(...urlsPerFile).sources.map((source, at) => ({ ...source, mentions: mentions[at]! })), index)
    expect(expected).toEqual({ repository: 'acme/minutes', sawFileLink: true })
    // Most mentions first: files 1, 2, 0, 3 decide it (the last, 4, holds one mention: too few to tie).
    for (const [arrival, decidedAfter] of [
      [[0, 1, 2, 3, 4], 4],
      [[4, 3, 2, 1, 0], 5],
      [[2, 0, 4, 1, 3], 5],
      [[1, 2, 0, 3, 4], 4],
    ] as const) {
      const inference = new RepositoryInference(mentions, index)
      const seen: Array<InferredRepository | undefined> = []
      for (const at of arrival) {
        inference.read(at, urlsPerFile[at]!)
        seen.push(inference.result)
      }
      expect(inference.result).toEqual(expected)
      expect(seen.findIndex((result) => result !== undefined) + 1).toBe(decidedAfter)
    }
  })

  test('no source at all: decided at once, nothing seen', () => {
    expect(new RepositoryInference([], index).result).toEqual({ repository: null, sawFileLink: false })
  })
})
