import { externalPictures, missingCopies } from '../links/external-images.js'
import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/**
 * Pictures on a configured host (a meeting pad's uploads) have a copy in the repository.
 *
 * Pictures pasted into a collaborative pad stay on the pad's server
 * (`https://pad.example.org/uploads/<name>.png`), which does not keep them forever. For each
 * image, and each link to a picture file (`png`, `jpg`, `jpeg`, `gif`, `svg`, `webp`, `avif`,
 * `heic`, `heif`), on a host of `externalImages.hosts`, a file of the same name must be in the
 * minutes' folder (or in `externalImages.folder`, relative to it). URLs in raw HTML and front
 * matter (a slide's background) count too; the query string is not part of the name. One
 * finding per missing copy, at its first link; it names the file to add and the command that
 * fetches it (`minutes-check fetch-images`). With no hosts configured (the default) the rule
 * checks nothing. A relative link to a missing picture is `link-target-exists`'s.
 *
 * @example
 *   {"name": "ok.md", "path": "community-call/20240208.md", "files": ["community-call/5f3a.png"], "config": {"externalImages": {"hosts": ["pad.example.org"]}}}
 *
 *   # Tech Weekly 2024-02-08
 *
 *   ![](https://pad.example.org/uploads/5f3a.png)
 *
 *   The [agenda](https://pad.example.org/uploads/agenda.pdf) is not a picture.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20240208.md", "files": ["community-call/5f3a.png"], "config": {"externalImages": {"hosts": ["pad.example.org"]}}}
 *
 *   # Tech Weekly 2024-02-08
 *
 *   ![](https://pad.example.org/uploads/5f3a.png) and ![map](https://PAD.example.org/uploads/9c1d.jpg?w=600)
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   3:51-3:105: warning: The picture `9c1d.jpg` on pad.example.org has no copy in the repository; add `community-call/9c1d.jpg` (`minutes-check fetch-images community-call/20240208.md` fetches it).
 */
export const externalImageCopied = defineRule('external-image-copied', (tree, { model, config, index }, report) => {
  const settings = config.externalImages
  if (settings.hosts.length === 0) return
  for (const { picture, copyPath } of missingCopies(model.path, externalPictures(tree), settings, index.files)) {
    report(
      md`The picture \`${picture.name}\` on ${picture.host} has no copy in the repository; add \`${copyPath}\` (\`minutes-check fetch-images ${model.path}\` fetches it).`,
      picture.position,
    )
  }
})
