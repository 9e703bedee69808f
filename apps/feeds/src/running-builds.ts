// Which entries of an output's builds folder another build is still writing, so that a build
// never removes them as leftovers: two builds into one output at once (a scheduled build that
// overlaps the last one, a build by hand beside `build --watch`) must both finish, and `out`
// must never be left linking to a generation that was removed under it.
//
// A generation is named `<start time in ms, base 36>-<process id>`; its temporary link,
// temporary sidecars and the folder it moves aside carry that name after a prefix.

// Past this age an entry is a leftover whoever has its process id now (ids are reused); no build
// runs this long (100,000 records are written in about a minute).
const LONGEST_BUILD_MS = 60 * 60 * 1000;

const GENERATION = /^([0-9a-z]+)-(\d+)(?:\.|$)/;
const PREFIXES = ['tmp-', 'legacy-'];

let lastStart = 0;

/**
 * A new generation's name, for a build starting now in this process: its start time is later
 * than that of the last one named here, so that two builds begun within one millisecond do not
 * share a folder (the second wrote into the first's, then removed it as the one it replaced).
 */
export function newGenerationName(): string {
  lastStart = Math.max(Date.now(), lastStart + 1);
  return `${lastStart.toString(36)}-${process.pid}`;
}

/** When the build that named a generation started (ms since the epoch); undefined if not one. */
export function generationStart(name: string): number | undefined {
  const match = GENERATION.exec(name);
  return match === null || match[0].endsWith('.') ? undefined : parseInt(match[1]!, 36);
}

/** Whether a process with this id is running (one of another user's counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether an entry named after a generation (`prefix` first, for the temporary links beside
 * `out`) belongs to a build of another process that is still running and started less than an
 * hour ago. This process's own entries are never another's: a build of its own that is not
 * current failed.
 */
export function ofAnotherRunningBuild({
  entry,
  prefix = '',
  now = Date.now(),
}: {
  entry: string;
  prefix?: string;
  now?: number;
}): boolean {
  if (!entry.startsWith(prefix)) return false;
  let name = entry.slice(prefix.length);
  const inner = PREFIXES.find((candidate) => name.startsWith(candidate));
  if (inner !== undefined) name = name.slice(inner.length);
  const match = GENERATION.exec(name);
  if (match === null) return false;
  const started = parseInt(match[1]!, 36);
  const pid = Number(match[2]);
  return pid !== process.pid && now - started < LONGEST_BUILD_MS && isRunning(pid);
}
