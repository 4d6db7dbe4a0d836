import { describe, expect, test } from '@jest/globals'
import { githubFileMentions, inferRepositoryFrom, type LinkSource } from '../../src/links/infer-repository.js'
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
