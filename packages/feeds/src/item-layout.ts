import type { FragmentKind } from './render-fragments.js';

/**
 * Where each record's item sits in a rendered document (RSS `<item>`, Atom `<entry>`, JSON item
 * or VEVENT), with the record's content hash when it was rendered: kept beside a build's output
 * so that a later process can cut the items of unchanged records out of it instead of rendering
 * them again.
 */
export interface ItemLayout {
  ids: string[];
  hashes: string[];
  /** Byte offset of each item in the document. */
  starts: number[];
  /** Byte length of each item. */
  lengths: number[];
}

/** The layout of a document made of `[head, item, (separator, item)…, tail]` (frameParts). */
export function layoutOf({
  ids,
  hashes,
  parts,
  separated,
}: {
  ids: readonly string[];
  hashes: readonly string[];
  parts: readonly Uint8Array[];
  /** Whether a separator part stands between two items. */
  separated: boolean;
}): ItemLayout | undefined {
  const step = separated ? 2 : 1;
  const items = ids.length === 0 ? 0 : (ids.length - 1) * step + 1;
  if (hashes.length !== ids.length || parts.length !== items + 2) return undefined;
  const layout: ItemLayout = { ids: [...ids], hashes: [...hashes], starts: [], lengths: [] };
  let offset = parts[0]!.byteLength;
  for (let index = 1; index <= items; index += 1) {
    const part = parts[index]!;
    if ((index - 1) % step === 0) {
      layout.starts.push(offset);
      layout.lengths.push(part.byteLength);
    }
    offset += part.byteLength;
  }
  return layout;
}

/** What kind of item a document's path holds. */
export function kindOfPath(path: string): FragmentKind | undefined {
  const extension = /\.(rss|atom|json|ics)$/.exec(path)?.[1];
  return extension as FragmentKind | undefined;
}

// Layouts are kept as one string each (per item: id, hash, offset and length, separated by
// spaces; items by ";", which JSON need not escape): a manifest of a few thousand files with
// ~40,000 items is written and read in a few milliseconds.
const ITEM = /^([^ ;]+) ([^ ;]+) (\d+) (\d+)$/;
const SEPARATOR = /[ ;]/;

/** A layout as text (see parseItemLayout); undefined if an id or hash could not be kept so. */
export function encodeItemLayout(layout: ItemLayout): string | undefined {
  if (SEPARATOR.test(layout.ids.join('')) || SEPARATOR.test(layout.hashes.join(''))) {
    return undefined;
  }
  if (layout.ids.some((id) => id === '') || layout.hashes.some((hash) => hash === '')) {
    return undefined;
  }
  const items: string[] = [];
  for (let index = 0; index < layout.ids.length; index += 1) {
    items.push(
      `${layout.ids[index]} ${layout.hashes[index]} ${layout.starts[index]} ${layout.lengths[index]}`,
    );
  }
  return items.join(';');
}

/** A layout read back from encodeItemLayout's text, or undefined if it is not one. */
export function parseItemLayout(value: unknown): ItemLayout | undefined {
  if (typeof value !== 'string') return undefined;
  const layout: ItemLayout = { ids: [], hashes: [], starts: [], lengths: [] };
  if (value === '') return layout;
  for (const item of value.split(';')) {
    const match = ITEM.exec(item);
    if (match === null) return undefined;
    const start = Number(match[3]);
    const length = Number(match[4]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length)) return undefined;
    layout.ids.push(match[1]!);
    layout.hashes.push(match[2]!);
    layout.starts.push(start);
    layout.lengths.push(length);
  }
  return layout;
}

interface Location {
  path: string;
  hash: string;
  start: number;
  length: number;
}

/**
 * The items of an earlier build's documents, by record and kind: an item is given only while its
 * record's content hash is the one it was rendered from, and only if it lies inside the file as
 * read now (anything else is rendered again). Files are read when first needed.
 */
/** Some bytes of a file: `length` bytes from `start`, or fewer (or undefined) if it is shorter. */
export type ReadRange = (path: string, start: number, length: number) => Uint8Array | undefined;

// Items read one by one from a file before it is read whole (see ReusableItems).
const RANGES_BEFORE_WHOLE = 8;

export class ReusableItems {
  readonly #locations = new Map<FragmentKind, Map<string, Location>>();
  readonly #layouts = new Map<string, ItemLayout>();
  readonly #read: (path: string) => Uint8Array | undefined;
  readonly #readRange: ReadRange | undefined;
  readonly #files = new Map<string, Buffer | undefined>();
  // Items taken from each file not read whole yet.
  readonly #taken = new Map<string, number>();

  constructor({
    layouts,
    read,
    readRange,
  }: {
    layouts: Iterable<[path: string, layout: ItemLayout]>;
    read: (path: string) => Uint8Array | undefined;
    /**
     * Only some bytes of a file: the first items taken from a file are read alone, and the file
     * whole only from the RANGES_BEFORE_WHOLE-th on (after one edit, a new process takes a few
     * items from each of hundreds of archives, and every item of the calendar).
     */
    readRange?: ReadRange;
  }) {
    this.#read = read;
    this.#readRange = readRange;
    for (const [path, layout] of layouts) {
      const kind = kindOfPath(path);
      if (kind === undefined) continue;
      this.#layouts.set(path, layout);
      let byId = this.#locations.get(kind);
      if (byId === undefined) {
        byId = new Map();
        this.#locations.set(kind, byId);
      }
      layout.ids.forEach((id, index) => {
        byId.set(id, {
          path,
          hash: layout.hashes[index]!,
          start: layout.starts[index]!,
          length: layout.lengths[index]!,
        });
      });
    }
  }

  /**
   * Stop taking items from a document (it is being rendered again, and its file will change):
   * the others can then be read from a later output that links them unchanged.
   */
  forget(path: string): void {
    const layout = this.#layouts.get(path);
    const byId = this.#locations.get(kindOfPath(path)!);
    this.#layouts.delete(path);
    this.#files.delete(path);
    this.#taken.delete(path);
    if (layout === undefined || byId === undefined) return;
    for (const id of layout.ids) if (byId.get(id)?.path === path) byId.delete(id);
  }

  /** The item of a record in a kind, if an earlier document holds it rendered from `hash`. */
  take({ id, kind, hash }: { id: string; kind: FragmentKind; hash: string }): Buffer | undefined {
    const location = this.#locations.get(kind)?.get(id);
    if (location === undefined || location.hash !== hash) return undefined;
    if (!this.#files.has(location.path) && this.#readRange !== undefined) {
      const taken = (this.#taken.get(location.path) ?? 0) + 1;
      this.#taken.set(location.path, taken);
      if (taken < RANGES_BEFORE_WHOLE) {
        const bytes = this.#readRange(location.path, location.start, location.length);
        return bytes === undefined || bytes.byteLength !== location.length
          ? undefined
          : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
    }
    let file = this.#files.get(location.path);
    if (!this.#files.has(location.path)) {
      const bytes = this.#read(location.path);
      file =
        bytes === undefined
          ? undefined
          : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.#files.set(location.path, file);
    }
    if (file === undefined || location.start + location.length > file.byteLength) return undefined;
    return file.subarray(location.start, location.start + location.length);
  }
}
