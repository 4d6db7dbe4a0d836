import picomatch from 'picomatch'
import type { Config, Profile } from './types.js'

type Matcher = (path: string) => boolean

const matcherCache = new WeakMap<Config, { excluded: Matcher; byProfile: Map<Profile, Matcher> }>()

function matchersOf(config: Config) {
  let matchers = matcherCache.get(config)
  if (!matchers) {
    matchers = {
      excluded: picomatch(config.exclude.length > 0 ? config.exclude : ['\0never'], { dot: true }),
      byProfile: new Map(config.profiles.map((profile) => [profile, picomatch(profile.paths.map(globWithDateTokens), { dot: false })])),
    }
    matcherCache.set(config, matchers)
  }
  return matchers
}

/**
 * A profile glob with date tokens as picomatch reads it: in a glob holding `YYYY`, the tokens
 * `YYYY`, `MM` and `DD` stand for digits (`meetings/YYYY-MM-DD.md`); other globs are unchanged,
 * so a file named `SUMMARY.md` stays literal.
 */
export function globWithDateTokens(glob: string): string {
  if (!glob.includes('YYYY')) return glob
  return glob.replaceAll('YYYY', '[0-9][0-9][0-9][0-9]').replaceAll('MM', '[0-9][0-9]').replaceAll('DD', '[0-9][0-9]')
}

/** Whether some profile may apply to this path (before its front matter is known). */
export function isMinutesPath(path: string, config: Config): boolean {
  const { excluded, byProfile } = matchersOf(config)
  if (excluded(path)) return false
  return [...byProfile.values()].some((matches) => matches(path))
}

/**
 * The profile a file is checked with: the first whose globs match the path and whose
 * front matter condition holds, trying profiles with a front matter condition first
 * (a slide deck in `community-call/` is a slide deck, not weekly minutes).
 */
export function selectProfile(path: string, frontMatter: Record<string, unknown> | null, config: Config): Profile | null {
  const { excluded, byProfile } = matchersOf(config)
  if (excluded(path)) return null
  const conditional = config.profiles.filter((profile) => Object.keys(profile.frontMatter).length > 0)
  const plain = config.profiles.filter((profile) => Object.keys(profile.frontMatter).length === 0)
  for (const profile of [...conditional, ...plain]) {
    if (!byProfile.get(profile)?.(path)) continue
    const wanted = Object.entries(profile.frontMatter)
    if (wanted.every(([key, value]) => String(frontMatter?.[key] ?? '') === value)) return profile
  }
  return null
}
