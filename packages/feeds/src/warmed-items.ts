// The items a full build rendered at once (ItemFragments.warm), by the position of each record in
// the list of ids it was given. The build's documents, laid out while the items were rendered,
// find their items and the items' digests by position: at 10,000 records, ~170,000 look-ups by id
// in the cache and as many of digests (a half of the documents' time once the items were
// rendered) become reads of two arrays.
import type { Rendered } from './render-on-two-threads.js';
import { FRAGMENT_KINDS, type Digests, type FragmentKind } from './render-fragments.js';

/** A document's items in one kind, in order, and each one's digestOf. */
export interface TakenItems {
  fragments: Buffer[];
  digests: string[];
}

export class WarmedItems {
  readonly #positions: Map<string, number>;
  readonly #fragments = new Map<FragmentKind, (Buffer | undefined)[]>();
  readonly #digests: Digests = new Map();

  /** `ids`: the records a build renders, in order (positions are known before any is rendered). */
  constructor(ids: readonly string[]) {
    this.#positions = new Map(ids.map((id, position) => [id, position]));
    for (const kind of FRAGMENT_KINDS) {
      this.#fragments.set(kind, new Array<Buffer | undefined>(ids.length));
      this.#digests.set(kind, new Array<string>(ids.length));
    }
  }

  /** Each record's position; -1 for one not among them. */
  positionsOf(ids: readonly string[]): Int32Array {
    const positions = new Int32Array(ids.length);
    ids.forEach((id, index) => (positions[index] = this.#positions.get(id) ?? -1));
    return positions;
  }

  /** Put in place what was rendered: its ids, and their fragments and digests in that order. */
  put({ ids, fragments, digests }: Rendered): void {
    ids.forEach((id, index) => {
      const position = this.#positions.get(id);
      if (position === undefined) return;
      for (const kind of FRAGMENT_KINDS) {
        this.#fragments.get(kind)![position] = fragments.get(kind)![index];
        this.#digests.get(kind)![position] = digests.get(kind)![index]!;
      }
    });
  }

  /**
   * The items at these positions in one kind, with their digests; undefined if one of them was
   * not rendered here (its record not in the store, or its items made before): the caller then
   * looks them up by id.
   */
  take(positions: Int32Array, kind: FragmentKind): TakenItems | undefined {
    const all = this.#fragments.get(kind)!;
    const allDigests = this.#digests.get(kind)!;
    const fragments: Buffer[] = [];
    const digests: string[] = [];
    for (const position of positions) {
      const fragment = position < 0 ? undefined : all[position];
      if (fragment === undefined) return undefined;
      fragments.push(fragment);
      digests.push(allDigests[position]!);
    }
    return { fragments, digests };
  }
}
