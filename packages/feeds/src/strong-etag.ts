// A document's strong ETag without hashing every byte of it again. Most documents are made of
// item fragments shared with other documents (an item is in "all", its themes, its type, its
// countries, current or archive: 277 MiB of documents from 59 MiB of distinct parts at 10,000
// records). Each part is hashed once, its digest kept while the part lives, and a document's tag
// is the hash of its parts' digests in order: hashing 277 MiB took a tenth of a whole build.
// Parts are never changed once made (each is shared by many documents already), so a digest
// kept for a part stays true.
//
// The tag still changes whenever the bytes change (a different byte changes a part's digest; a
// different cut changes the list), which is all a strong validator promises. The same bytes cut
// differently would get another tag, costing one needless 200; documents are always cut at
// their items, so that does not happen.
import { createHash, hash } from 'node:crypto';

// What the etag package gives an empty body.
const EMPTY_ETAG = '"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

const digests = new WeakMap<Uint8Array, string>();

/** SHA-1 of one part, as 20 latin1 characters (a Buffer each would cost ~100 bytes more). */
export function digestOf(part: Uint8Array): string {
  let digest = digests.get(part);
  if (digest === undefined) {
    // The one-shot hash: a Hash object per part cost more than hashing its bytes.
    digest = hash('sha1', part, 'binary');
    digests.set(part, digest);
  }
  return digest;
}

/**
 * Keep a part's digest made elsewhere (digestOf in another thread, of the same bytes): its
 * documents' tags then do not hash it again.
 */
export function keepDigest(part: Uint8Array, digest: string): void {
  digests.set(part, digest);
}

/**
 * The strong ETag of the concatenation of `parts`: "<length hex>-<SHA-1 base64, 27 chars>", as the
 * etag package writes it. One part is tagged exactly as the etag package tags it; many parts by
 * the hash of their digests (see above). `digests`: each part's digestOf, when the caller has
 * them at hand (then none is looked up).
 */
export function strongEtag(parts: readonly Uint8Array[], digests?: readonly string[]): string {
  if (digests !== undefined && digests.length !== parts.length) {
    throw new Error(`${digests.length} digests for ${parts.length} parts`);
  }
  let length = 0;
  for (const part of parts) length += part.byteLength;
  if (length === 0) return EMPTY_ETAG;
  const sha1 = createHash('sha1');
  if (parts.length === 1) sha1.update(parts[0]!);
  else sha1.update((digests ?? parts.map(digestOf)).join(''), 'latin1');
  return `"${length.toString(16)}-${sha1.digest('base64').slice(0, 27)}"`;
}
