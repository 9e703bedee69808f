// Writing every feed file under `out` so that `out` is never missing nor half written, and files
// whose bytes did not change are not written again (they keep their mtime).
//
// Design: `out` is a symbolic link to a complete build in a sibling folder,
// `.<name>.builds/<generation>/`. A build writes a new generation beside the current one (files
// whose ETag is unchanged are hard links to the current generation's: same inode, same mtime,
// no bytes written; so are documents whose signature, what they are made from, is the one the
// current generation's manifest has, without being rendered), then makes a new symbolic link and renames it over `out`: rename(2) replaces
// the link atomically, so `out` always resolves to one complete build, the old or the new. The
// old generation is removed afterwards (open files stay readable until closed). A process killed
// at any point leaves `out` on the old generation; the next build removes what it left behind.
// A real directory at `out` (an older version of this command, or a first build over a folder
// made by hand) is moved into the builds folder once and replaced by the link: only that once,
// between two renames, is there an instant without `out`.
import {
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeDirectory } from '@briefing/repo';
import { newGenerationName, ofAnotherRunningBuild } from './running-builds.js';

/** One file to write: its URL path (also its path under `out`), bytes and strong ETag. */
export interface OutputFile {
  path: string;
  etag: string;
  readonly body: Uint8Array;
  /** The bytes as parts in order, if the file has them: written as they are, not joined. */
  parts?(): readonly Uint8Array[];
}

/**
 * A file rendered only if needed: when the previous output was written by the same `build` and
 * holds this path with the same signature, its file is linked without rendering this one.
 */
export interface OutputDocument {
  path: string;
  /** What the bytes are made from (undefined: unknown, render it). */
  signature: string | undefined;
  render(): OutputFile | undefined;
  /**
   * Text to keep beside the file once rendered, given back by readPreviousOutput (one line: no
   * line breaks; anything else is not kept).
   */
  extra?(): string | undefined;
}

export interface WriteResult {
  /**
   * Resolves once the previous build is removed and the sidecars are written, both after the
   * swap (the new output is served meanwhile).
   */
  removed: Promise<void>;
  /** Files written (new or changed). */
  written: number;
  /** Files linked from the previous build (bytes unchanged). */
  unchanged: number;
  /** Of the unchanged files, those linked by their signature without being rendered. */
  reused: number;
  /** Leftovers of interrupted builds removed first. */
  cleaned: number;
  /** What was written (what readPreviousOutput will read back while it is current). */
  output: PreviousOutput;
}

const MANIFEST = 'manifest.json';
// Beside the manifest: each file's extra text, a line each ("<path>\t<text>"), kept apart from
// the JSON because it is large (the item layouts, megabytes) and JSON would escape it.
const EXTRA = 'extra.txt';
// Names of other texts kept beside a generation (see writeFeedOutput's sidecars).
const SIDECAR_NAME = /^[a-z][a-z0-9-]*\.[a-z]+$/;

/** Where the generations of `out` live, and what is named after it. */
function layout(out: string) {
  const parent = dirname(out);
  const name = basename(out);
  return {
    parent,
    builds: join(parent, `.${name}.builds`),
    linkPrefix: `.${name}.link-`,
    // What the previous version of this command left when interrupted.
    legacyPrefixes: [`.${name}.new-`, `.${name}.old-`],
  };
}

/** The generation `out` links to now, or undefined (no output yet, or a real directory). */
function currentGeneration(out: string, builds: string): string | undefined {
  const stats = lstatSync(out, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isSymbolicLink()) return undefined;
  const target = readlinkSync(out);
  const generation = basename(target);
  return join(dirname(out), target) === join(builds, generation) ? generation : undefined;
}

/**
 * Remove what interrupted builds left: other generations, temporary links, legacy folders. What
 * another build still running is writing is not a leftover (see running-builds.ts).
 */
function cleanLeftovers(out: string): number {
  const { parent, builds, linkPrefix, legacyPrefixes } = layout(out);
  const current = currentGeneration(out, builds);
  let cleaned = 0;
  for (const entry of existsSync(builds) ? readdirSync(builds) : []) {
    // The current generation and what is kept beside it (manifest, extras, sidecars).
    if (current !== undefined && (entry === current || entry.startsWith(`${current}.`))) continue;
    if (ofAnotherRunningBuild({ entry })) continue;
    rmSync(join(builds, entry), { recursive: true, force: true });
    cleaned += 1;
  }
  for (const entry of readdirSync(parent)) {
    if (ofAnotherRunningBuild({ entry, prefix: linkPrefix })) continue;
    if (entry.startsWith(linkPrefix) || legacyPrefixes.some((prefix) => entry.startsWith(prefix))) {
      rmSync(join(parent, entry), { recursive: true, force: true });
      cleaned += 1;
    }
  }
  return cleaned;
}

// The manifest beside each generation: the build (code and options) that wrote it, and each
// file's ETag and signature. (Version 1 was a plain { path: etag } object.)
interface Manifest {
  version: 2;
  build: string;
  files: Record<string, [etag: string, signature: string | null]>;
}

/** What the previous manifest says of a file. */
export interface PreviousFile {
  etag: string;
  signature: string | null;
  extra?: string;
}

/** The output a build replaces. */
export interface PreviousOutput {
  /** Its folder. */
  dir: string;
  /** The build that wrote it, when known. */
  build?: string;
  /** What its manifest says of each file, when known. */
  files?: Map<string, PreviousFile>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a manifest says of each file; undefined if it is not one this command writes. */
function readManifest(json: unknown): Pick<PreviousOutput, 'build' | 'files'> | undefined {
  if (!isRecord(json)) return undefined;
  const files = new Map<string, PreviousFile>();
  if (json.version === 2 && typeof json.build === 'string' && isRecord(json.files)) {
    for (const [path, entry] of Object.entries(json.files)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') return undefined;
      const signature: unknown = entry[1];
      if (signature !== null && typeof signature !== 'string') return undefined;
      files.set(path, {
        etag: entry[0],
        signature,
      });
    }
    return { build: json.build, files };
  }
  for (const [path, etag] of Object.entries(json)) {
    if (typeof etag !== 'string') return undefined;
    files.set(path, { etag, signature: null });
  }
  return { files };
}

/** Whether `out` still links to this output (no other build replaced it since). */
export function isCurrent(out: string, output: PreviousOutput): boolean {
  const { builds } = layout(out);
  const generation = currentGeneration(out, builds);
  return generation !== undefined && join(builds, generation) === output.dir;
}

/** A sidecar (see writeFeedOutput) of the generation `out` links to now, if it has it. */
export function readOutputSidecar(out: string, name: string): string | undefined {
  const { builds } = layout(out);
  const generation = currentGeneration(out, builds);
  if (generation === undefined || !SIDECAR_NAME.test(name)) return undefined;
  try {
    return readFileSync(join(builds, `${generation}.${name}`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The output at `out` a build would replace: its folder and what its manifest says, if any. */
export function readPreviousOutput(out: string): PreviousOutput | undefined {
  const { builds } = layout(out);
  const stats = lstatSync(out, { throwIfNoEntry: false });
  if (stats === undefined) return undefined;
  const generation = currentGeneration(out, builds);
  if (generation === undefined) return statSync(out).isDirectory() ? { dir: out } : undefined;
  const dir = join(builds, generation);
  let manifest: Pick<PreviousOutput, 'build' | 'files'> | undefined;
  try {
    const json: unknown = JSON.parse(
      readFileSync(join(builds, `${generation}.${MANIFEST}`), 'utf8'),
    );
    manifest = readManifest(json);
  } catch {
    return { dir };
  }
  if (manifest?.files !== undefined) {
    let extras = '';
    try {
      extras = readFileSync(join(builds, `${generation}.${EXTRA}`), 'utf8');
    } catch {
      // None kept (an older build): nothing to give back.
    }
    for (const line of extras.split('\n')) {
      const tab = line.indexOf('\t');
      const file = tab === -1 ? undefined : manifest.files.get(line.slice(0, tab));
      if (file !== undefined) file.extra = line.slice(tab + 1);
    }
  }
  return { dir, ...manifest };
}

// Parts per writev(2) call: within every system's IOV_MAX.
const PARTS_PER_WRITE = 1024;

/** Write a new file from its parts in order (a document's head, items and tail), unjoined. */
function writeParts(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    for (let start = 0; start < parts.length; start += PARTS_PER_WRITE) {
      const chunk = parts.slice(start, start + PARTS_PER_WRITE);
      const size = chunk.reduce((total, part) => total + part.byteLength, 0);
      const done = writevSync(fd, chunk);
      // A short write (rare on a regular file): the rest of the chunk, joined, until all is written.
      if (done < size) {
        const rest = Buffer.concat(chunk).subarray(done);
        for (let at = 0; at < rest.byteLength;) at += writeSync(fd, rest, at);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Hard-link `from` at `to`; false if `from` is gone. */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function sameBytes(path: string, body: Uint8Array): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile() || stats.size !== body.byteLength) return false;
  return readFileSync(path).equals(body);
}

/**
 * Make and write each sidecar of a generation, once the removals started beside it are under way
 * (in the thread pool): each whole under a temporary name, then renamed, so that a reader finds
 * it complete or not at all. A temporary file left by a stopped process is a leftover like others.
 */
async function writeSidecars({
  builds,
  generation,
  sidecars,
}: {
  builds: string;
  generation: string;
  sidecars: Record<string, () => string | undefined>;
}): Promise<void> {
  await new Promise((done) => setImmediate(done));
  for (const [name, make] of Object.entries(sidecars)) {
    const text = make();
    if (text === undefined) continue;
    const temporary = join(builds, `tmp-${generation}.${name}`);
    try {
      await writeFile(temporary, text);
      await rename(temporary, join(builds, `${generation}.${name}`));
    } catch {
      // Only a help for the next build, which does without (another build cleaned up meanwhile,
      // or the disk is full): the output itself is in place.
      await rm(temporary, { force: true });
    }
  }
}

/**
 * Write every file under `out` (URL paths as file paths, so `out` can be served as a web root),
 * swapped in whole; files whose bytes did not change are hard links to the previous build's.
 * A document whose signature is the one the previous output (written by the same `build`) has
 * for its path is linked without being rendered.
 */
export function writeFeedOutput({
  files,
  out,
  build = '',
  previous: given,
  sidecars = {},
}: {
  files: Iterable<OutputFile | OutputDocument>;
  out: string;
  /** The code and options the files are made with (see OutputDocument). */
  build?: string;
  /** readPreviousOutput(out), if the caller has read it already. */
  previous?: PreviousOutput;
  /**
   * Texts to keep beside the new generation by name (`keys.json`), given back by
   * readOutputSidecar while it is current. Made after the swap, while the old build is being
   * removed (`removed`): what they describe must not have changed since the files were written
   * (`make` returns undefined then, and nothing is kept). A process stopped before leaves none.
   */
  sidecars?: Record<string, () => string | undefined>;
}): WriteResult {
  for (const name of Object.keys(sidecars)) {
    if (!SIDECAR_NAME.test(name) || name === MANIFEST || name === EXTRA) {
      throw new Error(`not a sidecar name: "${name}"`);
    }
  }
  const existing = lstatSync(out, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isSymbolicLink() && !existing.isDirectory()) {
    throw new Error(`--out must be a directory, but ${out} is a file`);
  }
  const { parent, builds, linkPrefix } = layout(out);
  makeDirectory(builds);
  const cleaned = cleanLeftovers(out);
  const previous = given ?? readPreviousOutput(out);
  const sameBuild = build !== '' && previous?.build === build;
  const generation = newGenerationName();
  const dir = join(builds, generation);
  const manifest: Manifest = { version: 2, build, files: {} };
  const kept: Map<string, PreviousFile> = new Map();
  const extras: string[] = [];
  const keep = ({ path, etag, signature, extra }: PreviousFile & { path: string }) => {
    manifest.files[path] = [etag, signature];
    const withExtra = extra !== undefined && !path.includes('\t') && !/[\n\r]/.test(extra);
    if (withExtra) extras.push(`${path}\t${extra}`);
    kept.set(path, { etag, signature, ...(withExtra ? { extra } : {}) });
  };
  let written = 0;
  let unchanged = 0;
  let reused = 0;
  const made = new Set<string>();
  try {
    for (const entry of files) {
      const target = join(dir, entry.path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        makeDirectory(folder);
        made.add(folder);
      }
      const before = previous === undefined ? undefined : join(previous.dir, entry.path);
      const known = previous?.files?.get(entry.path);
      const signature = 'render' in entry ? (entry.signature ?? null) : null;
      // Made from the same records, page and code as the previous file: the same bytes.
      if (
        sameBuild &&
        signature !== null &&
        known?.signature === signature &&
        linked(before!, target)
      ) {
        keep({ path: entry.path, etag: known.etag, signature, extra: known.extra });
        unchanged += 1;
        reused += 1;
        continue;
      }
      const file = 'render' in entry ? entry.render() : entry;
      if (file === undefined) continue;
      const extra = 'render' in entry ? entry.extra?.() : undefined;
      keep({ path: entry.path, etag: file.etag, signature, extra });
      const same =
        before !== undefined &&
        (previous!.files === undefined ? sameBytes(before, file.body) : known?.etag === file.etag);
      // One system call per unchanged file: a link, or the bytes if the old file is gone.
      if (same && linked(before, target)) {
        unchanged += 1;
      } else {
        writeParts(target, file.parts?.() ?? [file.body]);
        written += 1;
      }
    }
    if (extras.length > 0) writeFileSync(join(builds, `${generation}.${EXTRA}`), extras.join('\n'));
    writeFileSync(join(builds, `${generation}.${MANIFEST}`), JSON.stringify(manifest));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    for (const name of [MANIFEST, EXTRA]) {
      rmSync(join(builds, `${generation}.${name}`), { force: true });
    }
    throw error;
  }
  // A relative target: the output and its builds can be moved together.
  const link = join(parent, `${linkPrefix}${generation}`);
  symlinkSync(join(basename(builds), generation), link);
  const oldGeneration = currentGeneration(out, builds);
  if (existing !== undefined && !existing.isSymbolicLink()) {
    // Once: a real directory cannot be replaced atomically by a link (see above).
    renameSync(out, join(builds, `legacy-${generation}`));
  }
  renameSync(link, out);
  // The old build goes in the background: the new one is already served. A process stopped
  // before it is gone leaves it to the next build's clean-up.
  const removed = Promise.all([
    ...(oldGeneration === undefined
      ? []
      : readdirSync(builds)
          .filter((entry) => entry === oldGeneration || entry.startsWith(`${oldGeneration}.`))
          .map((entry) => rm(join(builds, entry), { recursive: true, force: true }))),
    rm(join(builds, `legacy-${generation}`), { recursive: true, force: true }),
    writeSidecars({ builds, generation, sidecars }),
  ]).then(() => undefined);
  const output: PreviousOutput = { dir, build, files: kept };

  return { written, unchanged, reused, cleaned, removed, output };
}
