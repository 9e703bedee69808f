// A snapshot's records by id. The next snapshot lays its changed records over the last one's
// instead of copying them all (copying a map of 100,000 records took 50–100 ms after each edit,
// on the event loop); a deep chain of layers is flattened into one map a slice at a time, between
// turns of the event loop, and as a last resort at once.
import type { Briefing } from '@briefing/schema';

// Past this many layers, `with` flattens at once (`flatten` is meant to run well before).
const MAX_LAYERS = 64;
// Records put into the flat map in one turn of the event loop (a few milliseconds).
const SLICE = 10_000;

export class RecordsById {
  /** This layer's records by id; null: removed here. */
  #own: ReadonlyMap<string, Briefing | null>;
  #under: RecordsById | undefined;
  #flattening = false;

  private constructor(own: ReadonlyMap<string, Briefing | null>, under?: RecordsById) {
    this.#own = own;
    this.#under = under;
  }

  /** These records by id. */
  static of(records: readonly Briefing[]): RecordsById {
    return new RecordsById(new Map(records.map((record) => [record.id, record])));
  }

  /**
   * These records with `changes` laid over them (undefined: removed); `records` are every record
   * there is then, which a chain of MAX_LAYERS is flattened from.
   */
  with(
    changes: ReadonlyMap<string, Briefing | undefined>,
    records: readonly Briefing[],
  ): RecordsById {
    if (this.layers >= MAX_LAYERS) return RecordsById.of(records);
    const own = new Map<string, Briefing | null>();
    for (const [id, record] of changes) own.set(id, record ?? null);
    return new RecordsById(own, this);
  }

  /** How many maps a lookup may ask. */
  get layers(): number {
    let layers = 0;
    for (let layer: RecordsById | undefined = this; layer !== undefined; layer = layer.#under) {
      layers += 1;
    }
    return layers;
  }

  get(id: string): Briefing | undefined {
    for (let layer: RecordsById | undefined = this; layer !== undefined; layer = layer.#under) {
      const found = layer.#own.get(id);
      if (found !== undefined) return found ?? undefined;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Read from one map of `records` (every record these hold) from now on, made SLICE records a
   * turn of the event loop. What `get` answers never changes: only how many maps it asks.
   */
  async flatten(records: readonly Briefing[]): Promise<void> {
    if (this.#flattening || this.#under === undefined) return;
    this.#flattening = true;
    const flat = new Map<string, Briefing | null>();
    for (let start = 0; start < records.length; start += SLICE) {
      for (let index = start; index < Math.min(start + SLICE, records.length); index += 1) {
        flat.set(records[index]!.id, records[index]!);
      }
      await new Promise((done) => setImmediate(done));
    }
    this.#own = flat;
    this.#under = undefined;
    this.#flattening = false;
  }
}
