// Writing every feed file under `out` so that `out` is never missing nor half written, and files
// whose bytes did not change are not written again (they keep their mtime).
//
// Design: `out` is a symbolic link to a complete build in a sibling folder,
// `.<name>.builds/<generation>/`. A build makes the next generation beside the current one, then
// makes a new symbolic link and renames it over `out`: rename(2) replaces the link atomically, so
// `out` always resolves to one complete build, the old or the new. Files whose ETag is unchanged
// are hard links to the current generation's (same inode, same mtime, no bytes written); so are
// documents whose signature, what they are made from, is the one the current generation's
// manifest has, without being rendered.
//
// The generation a build replaced is kept as the standby, and the next build starts from it
// rather than from an empty folder: it claims the standby by renaming it to its own name (so two
// builds never both take it), then replaces only the files whose ETag differs from what the
// standby's manifest says it holds, each by a rename, and removes the paths that went. After one
// edit that is a few dozen files, where a new folder needed a link for each of thousands (at
// 10,000 records, 3,450 links, then as many removals of the replaced build). Only a build with no
// standby (the first, or after an interrupted one) makes a whole new folder. A generation with a
// manifest is complete and holds exactly what its manifest says (a claimed standby loses its
// manifest before anything in it changes); the current one is never written to.
//
// A process killed at any point leaves `out` on the old generation; the next build removes what
// it left behind. A real directory at `out` (an older version of this command, or a first build
// over a folder made by hand) is moved into the builds folder once and replaced by the link: only
// that once, between two renames, is there an instant without `out`.
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
  rmdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeDirectory } from '@briefing/repo';
import { generationStart, newGenerationName, ofAnotherRunningBuild } from './running-builds.js';

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
   * Resolves once the sidecars are written (and a real directory replaced by the first build is
   * removed), after the swap: the new output is served meanwhile.
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
  /** Whether the build started from the standby generation rather than an empty folder. */
  fromStandby: boolean;
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

/** Whether an entry of the builds folder is a generation's folder or kept beside it. */
const ofGeneration = (entry: string, generation: string | undefined): boolean =>
  generation !== undefined && (entry === generation || entry.startsWith(`${generation}.`));

/** Remove a generation's folder, if it is still there, and what is kept beside it. */
function removeGeneration(builds: string, generation: string): void {
  for (const entry of readdirSync(builds)) {
    if (ofGeneration(entry, generation)) {
      rmSync(join(builds, entry), { recursive: true, force: true });
    }
  }
}

/**
 * The standby: the newest complete generation other than the current one (it has a manifest),
 * unless a build still running made it (it may be about to swap it in).
 */
function findStandby(builds: string, current: string | undefined): string | undefined {
  const entries = existsSync(builds) ? readdirSync(builds) : [];
  const names = new Set(entries);
  let standby: { name: string; start: number } | undefined;
  for (const name of entries) {
    const start = generationStart(name);
    if (start === undefined || name === current || !names.has(`${name}.${MANIFEST}`)) continue;
    if (ofAnotherRunningBuild({ entry: name })) continue;
    if (standby === undefined || start > standby.start) standby = { name, start };
  }
  return standby?.name;
}

/**
 * Remove what interrupted builds left: other generations (but the standby), temporary links,
 * legacy folders. What another build still running is writing is not a leftover (see
 * running-builds.ts). Gives the current generation and the standby it kept.
 */
function cleanLeftovers(out: string): {
  cleaned: number;
  current: string | undefined;
  standby: string | undefined;
} {
  const { parent, builds, linkPrefix, legacyPrefixes } = layout(out);
  const current = currentGeneration(out, builds);
  const standby = findStandby(builds, current);
  let cleaned = 0;
  for (const entry of existsSync(builds) ? readdirSync(builds) : []) {
    // The current generation, the standby, and what is kept beside each (manifest, extras,
    // sidecars).
    if (ofGeneration(entry, current) || ofGeneration(entry, standby)) continue;
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
  return { cleaned, current, standby };
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
 * Take the standby generation (see above) for a build named `generation`: its folder renamed to
 * that name, and the ETag of each file it holds, from its manifest, which is then removed with
 * all that was kept beside it. Undefined when there is none, or another build took it first.
 */
function claimStandby({
  builds,
  standby,
  generation,
  known,
}: {
  builds: string;
  /** The standby cleanLeftovers kept. */
  standby: string | undefined;
  generation: string;
  /** An output the caller wrote or read, whose files are taken if it is the standby. */
  known: PreviousOutput | undefined;
}): Map<string, string> | undefined {
  if (standby === undefined) return undefined;
  // A generation's folder keeps its name until a build claims it, so an output known under that
  // name still holds what it held.
  let files = known?.dir === join(builds, standby) ? known.files : undefined;
  if (files === undefined) {
    let text: string;
    try {
      text = readFileSync(join(builds, `${standby}.${MANIFEST}`), 'utf8');
    } catch {
      // Gone: another build claimed it first.
      return undefined;
    }
    try {
      files = readManifest(JSON.parse(text) as unknown)?.files;
    } catch {
      // Not JSON: below.
    }
    if (files === undefined) {
      // A manifest this command did not write (they are written whole, then renamed): the
      // folder cannot be trusted, nor used.
      removeGeneration(builds, standby);
      return undefined;
    }
  }
  try {
    // The claim: of two builds renaming it at once, one finds it gone. No build changes a
    // generation it has not renamed to its own name, so what was read above still holds.
    renameSync(join(builds, standby), join(builds, generation));
  } catch {
    return undefined;
  }
  // What was kept beside it (its folder has our name now).
  removeGeneration(builds, standby);
  return new Map([...files].map(([path, file]) => [path, file.etag]));
}

/** Remove files the new generation no longer has, and the folders that leaves empty. */
function removeGone({ dir, paths }: { dir: string; paths: Iterable<string> }): void {
  const folders = new Set<string>();
  for (const path of paths) {
    rmSync(join(dir, path), { force: true });
    for (let folder = dirname(path); folder !== '/' && folder !== '.'; folder = dirname(folder)) {
      folders.add(folder);
    }
  }
  // Deepest first; a folder that still holds something stays.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(dir, folder));
    } catch {
      // Not empty.
    }
  }
}

/**
 * Make and write each sidecar of a generation, on a later turn of the event loop than the swap
 * (the caller goes on meanwhile): each whole under a temporary name, then renamed, so that a
 * reader finds it complete or not at all. A temporary file left by a stopped process is a
 * leftover like others.
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
  standby: knownStandby,
  sidecars = {},
}: {
  files: Iterable<OutputFile | OutputDocument>;
  out: string;
  /** The code and options the files are made with (see OutputDocument). */
  build?: string;
  /** readPreviousOutput(out), if the caller has read it already. */
  previous?: PreviousOutput;
  /**
   * The output `previous` replaced, if the caller knows it (what it wrote or read before): if it
   * is still the standby, what it holds is taken from here instead of its manifest.
   */
  standby?: PreviousOutput;
  /**
   * Texts to keep beside the new generation by name (`keys.json`), given back by
   * readOutputSidecar while it is current. Made after the swap (`removed` resolves once they
   * are written): what they describe must not have changed since the files were written (`make`
   * returns undefined then, and nothing is kept). A process stopped before leaves none.
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
  const { cleaned, standby: standbyName } = cleanLeftovers(out);
  const previous = given ?? readPreviousOutput(out);
  const sameBuild = build !== '' && previous?.build === build;
  const generation = newGenerationName();
  const dir = join(builds, generation);
  // What the folder holds already: nothing, or the standby's files (path → ETag).
  const standby = claimStandby({
    builds,
    standby: standbyName,
    generation,
    known: knownStandby,
  });
  // (Made even if no file is put in it: `out` must resolve to a folder.)
  if (standby === undefined) makeDirectory(dir);
  // Into the standby, a file is put under a temporary name and renamed over the one there: the
  // one there may be a hard link to a file of the current generation, which must not change.
  // (Paths are joined only for the files put: after one edit, a few dozen of thousands.)
  const made = new Set<string>();
  const put = (urlPath: string, write: (path: string) => boolean): boolean => {
    const target = join(dir, urlPath);
    const folder = dirname(target);
    if (!made.has(folder)) {
      makeDirectory(folder);
      made.add(folder);
    }
    if (standby === undefined) return write(target);
    const temporary = `${target}.tmp-${generation}`;
    if (!write(temporary)) return false;
    renameSync(temporary, target);
    return true;
  };
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
  try {
    for (const entry of files) {
      const before = previous === undefined ? undefined : () => join(previous.dir, entry.path);
      const known = previous?.files?.get(entry.path);
      const signature = 'render' in entry ? (entry.signature ?? null) : null;
      const there = standby?.get(entry.path);
      standby?.delete(entry.path);
      // Made from the same records, page and code as the previous file: the same bytes.
      if (
        sameBuild &&
        signature !== null &&
        known?.signature === signature &&
        (there === known.etag || put(entry.path, (path) => linked(before!(), path)))
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
        (previous!.files === undefined
          ? sameBytes(before(), file.body)
          : known?.etag === file.etag);
      // At most one system call per unchanged file: a link, or the bytes if the old file is
      // gone. (A changed file is written even when the standby holds its bytes: the standby's
      // copy is older than the current file, and a server comparing If-Modified-Since with the
      // file's time would answer 304 to a reader holding the current one.)
      if (same && (there === file.etag || put(entry.path, (path) => linked(before(), path)))) {
        unchanged += 1;
      } else {
        put(entry.path, (path) => {
          writeParts(path, file.parts?.() ?? [file.body]);
          return true;
        });
        written += 1;
      }
    }
    // What the standby held that this build does not.
    if (standby !== undefined) removeGone({ dir, paths: standby.keys() });
    if (extras.length > 0) writeFileSync(join(builds, `${generation}.${EXTRA}`), extras.join('\n'));
    // Whole or not at all: a generation with a manifest is taken as complete.
    const temporary = join(builds, `tmp-${generation}.${MANIFEST}`);
    writeFileSync(temporary, JSON.stringify(manifest));
    renameSync(temporary, join(builds, `${generation}.${MANIFEST}`));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    for (const name of [MANIFEST, EXTRA]) {
      rmSync(join(builds, `${generation}.${name}`), { force: true });
    }
    rmSync(join(builds, `tmp-${generation}.${MANIFEST}`), { force: true });
    throw error;
  }
  // A relative target: the output and its builds can be moved together.
  const link = join(parent, `${linkPrefix}${generation}`);
  symlinkSync(join(basename(builds), generation), link);
  if (existing !== undefined && !existing.isSymbolicLink()) {
    // Once: a real directory cannot be replaced atomically by a link (see above).
    renameSync(out, join(builds, `legacy-${generation}`));
  }
  renameSync(link, out);
  // The generation replaced stays, as the next build's standby. A real directory replaced goes
  // in the background: the new build is already served.
  const removed = Promise.all([
    rm(join(builds, `legacy-${generation}`), { recursive: true, force: true }),
    writeSidecars({ builds, generation, sidecars }),
  ]).then(() => undefined);
  const output: PreviousOutput = { dir, build, files: kept };

  return {
    written,
    unchanged,
    reused,
    cleaned,
    fromStandby: standby !== undefined,
    removed,
    output,
  };
}
