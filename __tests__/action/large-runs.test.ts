import { describe, expect, test } from '@jest/globals'
import { JOB_SUMMARY_LIMIT, jobSummary, renderDigest } from '../../src/action/job-summary.js'
import { findingsOutput } from '../../src/action/report-outputs.js'
import type { FileReport, Finding, RunReport } from '../../src/report/types.js'

function finding(rule: string, severity: Finding['severity'], line: number): Finding {
  return { rule, severity, line, column: 1, endLine: line, endColumn: 5, message: `Problem on line ${line} <b>@alice</b>` }
}

function file(path: string, findings: Finding[]): FileReport {
  return { path, profile: 'team', date: null, findings, teams: [], actionItems: [] }
}

/** 40 files in 4 folders; file i has i % 5 errors and one warning when i is even. */
function bigReport(): RunReport {
  const files = Array.from({ length: 40 }, (_, i) => {
    const findings = [...Array.from({ length: i % 5 }, (_, n) => finding('link-target-exists', 'error', n + 1))]
    if (i % 2 === 0) findings.push(finding('title-heading', 'warning', 1))
    return file(`team-${i % 4}/2023${String(1000 + i).slice(1)}.md`, findings)
  })
  return { version: 1, files, summary: { files: 40, errors: 80, warnings: 20, actionItems: 0 } }
}

describe('the job summary of a large run', () => {
  test('a short summary is kept as it is', () => {
    expect(jobSummary('## Minutes check\n\nall fine\n', bigReport(), null)).toBe('## Minutes check\n\nall fine\n')
  })

  test('a long one becomes a digest: totals per rule and per folder, the worst files, where the full list is', () => {
    const digest = jobSummary('x'.repeat(JOB_SUMMARY_LIMIT + 1), bigReport(), '/runner/temp/minutes-report.json')
    expect(digest).toBe(renderDigest(bigReport(), '/runner/temp/minutes-report.json'))
    const lines = digest.split('\n')
    expect(lines[2]).toBe('❌ **80 errors, 20 warnings** in 40 minutes files. This is a digest: the full list is too long for a job summary.')
    expect(lines.slice(4, 10)).toEqual(['### By rule', '', '| Rule | Errors | Warnings | Notes |', '|---|---:|---:|---:|', '| `link-target-exists` | 80 | 0 | 0 |', '| `title-heading` | 0 | 20 | 0 |'])
    // Folder team-0 holds files 0, 4, 8, …, 36 (even: a warning each; i % 5 errors: 0+4+3+2+1 twice).
    expect(digest).toContain('### By folder\n\n| Folder | Errors | Warnings | Notes |\n|---|---:|---:|---:|\n| team-0 | 20 | 10 | 0 |\n| team-2 | 20 | 10 | 0 |\n| team-1 | 20 | 0 | 0 |\n| team-3 | 20 | 0 | 0 |\n')
    expect(digest).toContain('### The 10 files with the most findings')
    expect(digest).toContain('| team-0/2023004.md | 4 | 1 | 0 |')
    expect(digest).toContain('`report-file` output (`/runner/temp/minutes-report.json`)')
    expect(Buffer.byteLength(digest)).toBeLessThan(JOB_SUMMARY_LIMIT)
  })
})

describe('the findings output', () => {
  test('under the limit: the whole report, unflagged', () => {
    const report = bigReport()
    expect(findingsOutput(report, null)).toEqual({ json: JSON.stringify(report), truncated: false })
  })

  test('over the limit: files with findings first while they fit, flagged with how many were left out', () => {
    const report = bigReport()
    const limit = Math.floor(Buffer.byteLength(JSON.stringify(report)) / 2)
    const { json, truncated } = findingsOutput(report, '/tmp/r.json', limit)
    expect(truncated).toBe(true)
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(limit)
    const cut = JSON.parse(json) as RunReport & { truncated: { omittedFiles: number; reportFile: string } }
    expect(cut.summary).toEqual(report.summary)
    expect(cut.truncated.reportFile).toBe('/tmp/r.json')
    expect(cut.files.length + cut.truncated.omittedFiles).toBe(40)
    expect(cut.files.length).toBeGreaterThan(0)
    expect(cut.files.every((kept) => kept.findings.length > 0)).toBe(true)
    // Kept files stay in report order.
    expect(cut.files.map((kept) => kept.path)).toEqual(report.files.filter((all) => cut.files.some((kept) => kept.path === all.path)).map((all) => all.path))
  })
})
