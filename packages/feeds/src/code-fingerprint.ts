import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// What a document's bytes depend on besides the records and the options: this package's code,
// the workspace packages it renders with, and the registry packages that write the formats.
const WORKSPACE = ['@briefing/present', '@briefing/schema'];
const REGISTRY = ['feed', 'ical-generator'];
const CODE = /\.(?:ts|js|mjs|cjs|json)$/;
// Tests do not render anything: editing one does not make the next build render everything.
const TEST = /\.test\.[jt]s$/;

/** Every code file under a folder, sorted (the folder of a workspace package's entry). */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (
      entry.isFile() &&
      CODE.test(entry.name) &&
      !TEST.test(entry.name) &&
      !path.includes(`${sep}node_modules${sep}`)
    ) {
      files.push(path);
    }
  }
  return files.sort();
}

/** The nearest package.json above a file. */
function packageJsonOf(file: string): string {
  let dir = dirname(file);
  for (;;) {
    try {
      return readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return '';
      dir = parent;
    }
  }
}

let cached: string | undefined;

/**
 * A hash of the code that renders the documents: the files of this package and of the
 * workspace packages it renders with (their source or build, whichever is running), the
 * versions of `feed` and `ical-generator`, and Node's and its ICU's. A build output written by
 * other code is not reused.
 */
export function codeFingerprint(): string {
  if (cached !== undefined) return cached;
  // Dates and numbers are formatted by Node's ICU: another version could write other text.
  const hash = createHash('sha1').update(`${process.version} ${process.versions.icu ?? ''}`);
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const folders = [
      here,
      ...WORKSPACE.map((name) => dirname(realpathSync(fileURLToPath(import.meta.resolve(name))))),
    ];
    for (const folder of folders) {
      for (const file of codeFiles(folder)) {
        hash.update(file.slice(folder.length)).update(readFileSync(file));
      }
    }
    for (const name of REGISTRY) {
      const manifest = JSON.parse(
        packageJsonOf(fileURLToPath(import.meta.resolve(name))) || '{}',
      ) as { version?: string };
      hash.update(`${name}@${manifest.version ?? '?'}`);
    }
  } catch {
    // Bundled, or the packages are not where Node resolves them: the code is unknown, so this
    // process's output is never taken for another's.
    hash.update(randomUUID());
  }
  cached = hash.digest('base64url');
  return cached;
}
