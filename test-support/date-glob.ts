import type { ConfigSupport } from '../src/init/config-support.js'

/**
 * A profile path as `init` writes it: with the date tokens where the configuration reads them
 * (`meetings/YYYY-MM-DD.md`), else as digit classes.
 */
export function profilePath(pattern: string, support: ConfigSupport): string {
  if (support.dateTokensInPaths) return pattern
  return pattern.replace('YYYY', '[0-9][0-9][0-9][0-9]').replace('MM', '[0-9][0-9]').replace('DD', '[0-9][0-9]')
}
