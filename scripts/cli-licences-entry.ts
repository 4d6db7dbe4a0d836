// Built only for dist/cli/licenses.txt (scripts/build.js). The CLI loads the GitHub client
// lazily, so ncc splits it into a chunk of its own, and ncc writes each chunk's licences to
// the same file: the last chunk's list wins. Imported statically here, the same modules make
// one chunk, whose list is the whole CLI's.
import '../src/cli/index.js'
import '../src/github/client.js'
import '../src/github/agenda-issues.js'
