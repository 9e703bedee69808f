// Which entries of the data folder are records, decided from their metadata alone: a FIFO,
// device or socket is never opened (opening a FIFO blocks until a writer comes), and a symbolic
// link is followed only when it stays inside the folder. Messages name the entry, never its text.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type BigIntStats,
} from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Entry =
  /** No such entry (any more). */
  | { kind: 'gone'; name: string }
  /** Not a record name (not `*.yaml`, `*.yml`): not the store's business. */
  | { kind: 'ignored'; name: string }
  /** A `*.yml` file: reported, not loaded (as loadBriefings does). */
  | { kind: 'yml'; name: string }
  /** Named like a record but not a regular file inside the folder: refused, never read. */
  | { kind: 'refused'; name: string; message: string }
  /** A regular file inside the folder (possibly through a symbolic link at `name`). */
  | { kind: 'file'; name: string; path: string; stat: FileStat };

/** What the store keeps of a file's metadata to know whether it changed. */
export interface FileStat {
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
}

/** The fields of a stat the store keeps (a whole BigIntStats is a dozen BigInts). */
export function fileStat(stat: BigIntStats): FileStat {
  return { size: Number(stat.size), mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino };
}

/** A file whose mtime is this close to when it was read may change again within the same tick. */
const RACY_NS = 2_000_000_000n;

/**
 * Whether a file may have changed since it was read, from its metadata: as git does, a file
 * modified within two seconds of being read is read again (its mtime may not have moved).
 */
export function mayHaveChanged({
  known,
  stat,
}: {
  known: (FileStat & { readNs: bigint }) | undefined;
  stat: FileStat;
}): boolean {
  return (
    known === undefined ||
    known.size !== stat.size ||
    known.mtimeNs !== stat.mtimeNs ||
    known.ctimeNs !== stat.ctimeNs ||
    known.ino !== stat.ino ||
    known.readNs - known.mtimeNs < RACY_NS
  );
}

/** What a directory entry is, from lstat/realpath/stat only: nothing is opened. */
export function classifyEntry({
  dir,
  realDir,
  name,
}: {
  /** The data folder. */
  dir: string;
  /** Its real path (symbolic links resolved). */
  realDir: string;
  name: string;
}): Entry {
  const isYaml = name.endsWith('.yaml');
  if (!isYaml && !name.endsWith('.yml')) return { kind: 'ignored', name };
  const path = join(dir, name);
  const link = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  if (link === undefined) return { kind: 'gone', name };
  if (!isYaml) {
    return link.isFile() || link.isSymbolicLink()
      ? { kind: 'yml', name }
      : { kind: 'ignored', name };
  }
  if (!link.isSymbolicLink()) {
    return link.isFile()
      ? { kind: 'file', name, path, stat: fileStat(link) }
      : refused(name, `${describeKind(link)}, not a regular file; it was not read`);
  }
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return danglingOrGone(path, name);
    if (code === 'ELOOP') return refused(name, 'a symbolic link that loops; it was not read');
    return refused(name, `a symbolic link that cannot be followed (${code ?? 'error'})`);
  }
  if (!target.startsWith(realDir + sep)) {
    return refused(
      name,
      'a symbolic link that leads outside the data folder; records must be files inside it (it was not read)',
    );
  }
  const stat = statSync(target, { bigint: true, throwIfNoEntry: false });
  if (stat === undefined) return danglingOrGone(path, name);
  if (!stat.isFile()) {
    return refused(
      name,
      `a symbolic link to ${describeKind(stat)}, not to a regular file; it was not read`,
    );
  }
  if (!target.endsWith('.yaml')) {
    return refused(
      name,
      `a symbolic link to ${relative(realDir, target)}, which is not a .yaml record file; it was not read`,
    );
  }
  return { kind: 'file', name, path: target, stat: fileStat(stat) };
}

/** A link whose target is missing is refused while the link itself is there. */
function danglingOrGone(path: string, name: string): Entry {
  return lstatSync(path, { throwIfNoEntry: false }) === undefined
    ? { kind: 'gone', name }
    : refused(name, 'a symbolic link to nothing (its target does not exist)');
}

function refused(name: string, message: string): Entry {
  return { kind: 'refused', name, message: `refused: ${message}` };
}

function describeKind(stat: BigIntStats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** The bytes of a record file, up to one past `maxBytes`, and the stat of what was read. */
export type ReadResult =
  { bytes: Buffer; size: number; stat: BigIntStats } | { message: string; stat?: BigIntStats };

/**
 * Reads a file that `classifyEntry` found regular. It is opened non-blocking and without
 * following a last symbolic link, and checked again once open: an entry swapped for a FIFO or a
 * link in between is refused, not waited on.
 */
export function readRecordFile({ path, maxBytes }: { path: string; maxBytes: number }): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { message: `cannot read the file: ${reason(error)}` };
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) {
      return { message: `refused: ${describeKind(stat)}, not a regular file; it was not read` };
    }
    const size = Number(stat.size);
    // One byte more than the cap, in case the file grew since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const wanted = buffer.length - length;
      const n = readSync(fd, buffer, length, wanted, null);
      length += n;
      // A regular file reads short only at its end: no second call just to be told so (one
      // call in four of a first build's reading).
      if (n < wanted) break;
    }
    return { bytes: buffer.subarray(0, length), size: Math.max(size, length), stat };
  } catch (error) {
    return { message: `cannot read the file: ${reason(error)}` };
  } finally {
    closeSync(fd);
  }
}

/** A file-system error in words (no paths: the problem names the file already). */
export function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'ELOOP') return 'it became a symbolic link while being read';
  if (code === 'EISDIR') return 'it is a directory';
  return typeof code === 'string' ? code : 'unknown error';
}
