// Record text comes from sources in any script. Two things keep it from damaging what is shown
// around it: characters no page or XML document may hold are dropped, and each text is isolated
// for the bidirectional algorithm (Unicode UAX #9 §2.7), so an unclosed U+202E in a source title
// cannot reverse the " — publisher" that follows it.

// C0 controls but tab, LF and CR; U+FFFE/FFFF; lone surrogates (XML 1.0 §2.2 forbids all of them).
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Any character ILLEGAL or a CR could match (surrogates even when paired).
const MAY_NEED_CLEANING = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Record text as every page, feed and export shows it: characters XML and HTML cannot hold
 * removed, line ends as LF.
 */
export function cleanText(value: string): string {
  // Most text has none of these: one scan instead of two replacements.
  if (!MAY_NEED_CLEANING.test(value)) return value;
  return value.replace(ILLEGAL, '').replace(/\r\n?/g, '\n');
}

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * A record text for plain-text formats (feed text, calendar, CSV), cleaned and, when it could
 * affect its neighbours (right-to-left letters or bidi controls), wrapped in FSI … PDI. Plain
 * left-to-right text is returned as it is, so most output stays byte for byte what it was.
 */
export function isolate(value: string): string {
  const clean = cleanText(value);
  return needsIsolation(clean) ? `${FSI}${clean}${PDI}` : clean;
}

// Embeddings, overrides and isolates a text may open (any left open would run past its end), and
// right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their
// presentation forms, and the right-to-left scripts beyond the BMP.
const MAY_REORDER =
  /[\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A/;

/** Whether a text can reorder what follows it (right-to-left letters or bidi controls). */
export function needsIsolation(value: string): boolean {
  return MAY_REORDER.test(value);
}

/** A record text both ways at once (one cleaning, one check): `isolate` and `isolateHtml`. */
export function isolateBoth(value: string): { text: string; html: string } {
  const clean = cleanText(value);
  const html = escapeHtml(clean);
  return needsIsolation(clean)
    ? { text: `${FSI}${clean}${PDI}`, html: `<bdi>${html}</bdi>` }
    : { text: clean, html };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content or a quoted attribute. */
export function escapeHtml(value: string): string {
  if (!/[&<>"']/.test(value)) return value;
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** A record text as HTML: cleaned, escaped, and isolated in <bdi> when it needs it. */
export function isolateHtml(value: string): string {
  const clean = cleanText(value);
  const html = escapeHtml(clean);
  return needsIsolation(clean) ? `<bdi>${html}</bdi>` : html;
}

/** Every text of a value (a record) cleaned with `cleanText`; the same object when none changes. */
export function cleanRecord<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) {
    const items = value.map(cleanRecord);
    return (items.every((item, index) => item === value[index]) ? value : items) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, field]) => {
      const clean = cleanRecord(field);
      if (clean !== field) changed = true;
      return [key, clean] as const;
    });
    return changed ? (Object.fromEntries(entries) as T) : value;
  }
  return value;
}
