// The dashboard's one connection to the records: the @briefing/store index of the data folder,
// kept up to date by a watcher, and the in-memory snapshot of its current data version.
import { building } from '$app/env';
import people from '@briefing/authoring/data/people.json';
import places from '@briefing/authoring/data/places.json';
import { normalizeSiteUrl } from '@briefing/feeds';
import { NOUNS, countLabel } from '@briefing/present';
import { commandRepoRoot, userCwd } from '@briefing/repo';
import { formatProblem, type Briefing, type Problem } from '@briefing/schema';
import { findDataRoot } from '@briefing/schema/node';
import {
  defaultSpellings,
  IndexFolderError,
  mergeSpellings,
  openStore,
  spellingsFromGazetteer,
  watchStore,
  type Store,
} from '@briefing/store';
import { relative } from 'node:path';
import { resolveDataDir } from './data-dir.js';
import { readCitedDocuments } from './documents.js';
import { inOwnTurn } from './own-turn.js';
import { readRecordsInSlices } from './records-in-slices.js';
import { buildSnapshotInTurns, nextSnapshot, type Snapshot } from './snapshot.js';

export class InvalidDataError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly Problem[],
  ) {
    super(
      `${countLabel(problems.length, NOUNS.problem)} in the briefing records in ${dir}:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

/** A setting (an environment variable) the server cannot start with. */
export class InvalidSettingError extends Error {}

/**
 * Without SITE_URL, feeds and exports link to this server on its PORT (`pnpm start` sets 3000
 * when none is given); PORT 0 (any free port) cannot be known here, so 3000 stands in.
 */
export function localSiteUrl(port: string | undefined): string {
  return `http://localhost:${port === undefined || port === '' || port === '0' ? 3000 : port}`;
}

export interface LiveData {
  /** The index: lists, facets, counts, exports and record pages ask it. */
  index: Store;
  /** The site's origin with a trailing slash. */
  siteUrl: string;
  /** The records of the index's current data version, in memory. */
  snapshot(): Promise<Snapshot>;
  /** Whether a snapshot was made (or is being made) already, of any version. */
  hasSnapshot(): boolean;
  /**
   * Settles once the index is up to date with the folder as it was at start (a server answers
   * from the index as last written meanwhile); rejects with InvalidDataError if the records
   * have problems then.
   */
  checked: Promise<void>;
}

/**
 * Opens the index of the records (building or updating it), and watches the folder unless this
 * is a build. Throws InvalidDataError if the records have problems when the server starts: after
 * that, a bad edit keeps the last good version of its record served, and is logged.
 */
export async function openLiveData({
  dir = resolveDataDir(),
  siteUrl = process.env.SITE_URL || localSiteUrl(process.env.PORT),
  watch = !building,
  cacheDir = process.env.BRIEFING_CACHE || undefined,
}: { dir?: string; siteUrl?: string; watch?: boolean; cacheDir?: string } = {}): Promise<LiveData> {
  let site: string;
  try {
    site = normalizeSiteUrl(siteUrl);
  } catch (error) {
    throw new InvalidSettingError(`SITE_URL: ${(error as Error).message}`);
  }
  // Name files relative to where the user ran the command.
  const cwd = userCwd();
  const shownDir = relative(cwd, dir) || '.';
  // Documents (`seeds/documents/…`) are the repository's, even when BRIEFING_DATA is elsewhere.
  const root = commandRepoRoot({ cwd });
  let index: Store;
  try {
    index = await openStore({
      dir: shownDir,
      cwd,
      ...(root === undefined ? {} : { root }),
      ...(cacheDir === undefined ? {} : { cacheDir }),
      // A server answers at once from the index as last written, while a worker thread looks
      // for files changed since (a build reads the records as they are).
      checkInBackground: watch,
      // Search finds every spelling the authoring gazetteers know, as the list's filters do.
      spellings: mergeSpellings(
        defaultSpellings(),
        spellingsFromGazetteer(people),
        spellingsFromGazetteer(places),
      ),
    });
  } catch (error) {
    // A cache folder that cannot be made: a setting to fix, said in one line.
    if (error instanceof IndexFolderError) {
      throw new InvalidSettingError(
        `BRIEFING_CACHE: cannot make the index's folder: ${(error as Error).message}`,
      );
    }
    throw error;
  }
  const invalid = () => {
    const problems = index.problems();
    return problems.length === 0 ? undefined : new InvalidDataError(shownDir, problems);
  };
  // Problems in the index as last written stop the server before it listens, unless the files
  // changed since then (a fix made while it was stopped): so they are checked again once the
  // index has caught up with the folder, which only this start from a failed one waits for.
  if (invalid() !== undefined) {
    let error: unknown;
    try {
      await index.upToDate;
      error = invalid();
    } catch (caught) {
      error = caught;
    }
    if (error !== undefined) {
      await index.close();
      throw error;
    }
  }
  if (watch) watchStore({ store: index });
  const snapshots = new Snapshots({ index, siteUrl: site, root });
  const checked = index.upToDate.then(() => {
    const error = invalid();
    if (error !== undefined) throw error;
  });
  return {
    index,
    siteUrl: site,
    snapshot: () => snapshots.current(),
    hasSnapshot: () => snapshots.started,
    checked,
  };
}

// Layers of records by id a lookup may ask before they are flattened, in the background.
const FLATTEN_PAST = 8;

/**
 * Keeps the in-memory snapshot in step with the index: after a change, the next snapshot is
 * made from the last one and the records that changed, not by reading every record again.
 */
class Snapshots {
  readonly #index: Store;
  readonly #siteUrl: string;
  readonly #root: string | undefined;
  #latest: Promise<Snapshot> | undefined;
  /** Ids changed since the latest snapshot, and the newest data version they were seen at. */
  #changed = new Set<string>();
  #seenVersion = 0;

  constructor({ index, siteUrl, root }: { index: Store; siteUrl: string; root?: string }) {
    this.#index = index;
    this.#siteUrl = siteUrl;
    this.#root = root;
    index.onChange((change) => {
      for (const id of [...change.added, ...change.updated, ...change.removed]) {
        this.#changed.add(id);
      }
      this.#seenVersion = change.dataVersion;
    });
  }

  get started(): boolean {
    return this.#latest !== undefined;
  }

  async current(): Promise<Snapshot> {
    const latest = this.#latest === undefined ? undefined : await this.#latest;
    if (latest !== undefined && latest.dataVersion === this.#index.dataVersion) return latest;
    const next = this.#next(latest);
    this.#latest = next;
    return next;
  }

  async #next(previous: Snapshot | undefined): Promise<Snapshot> {
    const changedIds = this.#changed;
    this.#changed = new Set();
    const root = this.#root ?? (await findDataRoot(this.#index.dir));
    const dataVersion = this.#index.dataVersion;
    // A change whose event has not come yet: its ids are unknown, so read every record.
    if (previous === undefined || this.#seenVersion < dataVersion) {
      // Labelled with the version before the read: a change committed meanwhile (which the
      // read may hold already) is applied again to the next snapshot, to the same effect.
      const records = await readRecordsInSlices(this.#index);
      const documents = await readCitedDocuments({ records, root });
      return buildSnapshotInTurns({ records, siteUrl: this.#siteUrl, documents, dataVersion });
    }
    const read = this.#index.read((index) => {
      const changed = new Map<string, Briefing | undefined>();
      for (const id of changedIds) changed.set(id, index.get(id));
      return { dataVersion: index.dataVersion, previous, changed };
    });
    const documents = await readCitedDocuments({
      records: [...read.changed.values()].filter((record) => record !== undefined),
      previous: read.previous.documents,
      root,
    });
    const snapshot = await inOwnTurn(() =>
      nextSnapshot({
        previous: read.previous,
        changed: read.changed,
        dataVersion: read.dataVersion,
        documents,
      }),
    );
    // Each edit lays its records over the last (records-by-id.ts): a few deep, in one map again.
    if (snapshot.byId.layers > FLATTEN_PAST) void snapshot.byId.flatten(snapshot.records);
    return snapshot;
  }
}

let current: Promise<LiveData> | undefined;

/** The live data of this server process, opened on first use. */
export function getLiveData(): Promise<LiveData> {
  current ??= openLiveData();
  return current;
}

/** The records of the current data version, in memory. */
export async function getSnapshot(): Promise<Snapshot> {
  return (await getLiveData()).snapshot();
}
