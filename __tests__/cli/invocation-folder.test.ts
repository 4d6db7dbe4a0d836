import { describe, expect, test } from '@jest/globals'
import { invocationFolder } from '../../src/cli/invocation-folder.js'

// What `npm --prefix /clone run minutes-check` sets, run from /home/me/minutes.
const npmRun = { INIT_CWD: '/home/me/minutes', npm_lifecycle_event: 'minutes-check', npm_package_json: '/clone/package.json' }

describe('invocationFolder', () => {
  test('started by npm run minutes-check, the CLI checks the folder npm was run from', () => {
    expect(invocationFolder(npmRun, '/clone')).toBe('/home/me/minutes')
  })

  test('otherwise the current folder: no INIT_CWD, another script, or a process started elsewhere', () => {
    expect(invocationFolder({}, '/home/me/minutes')).toBe('/home/me/minutes')
    expect(invocationFolder({ ...npmRun, INIT_CWD: '' }, '/clone')).toBe('/clone')
    expect(invocationFolder({ ...npmRun, npm_lifecycle_event: 'test' }, '/clone')).toBe('/clone')
    // A child of the script that runs in another folder merely inherits INIT_CWD.
    expect(invocationFolder(npmRun, '/tmp/elsewhere')).toBe('/tmp/elsewhere')
    expect(invocationFolder({ INIT_CWD: '/home/me/minutes' }, '/clone')).toBe('/clone')
  })
})
