// Input preparation for `feed` 6.0.0, whose serialiser (xml-js) mis-escapes text in several ways
// (see TOOLCHAIN.md). Every record string passes through `cleanText` first; each kind of slot in
// feed's output then gets the matching `for…` function, and the rendered document goes through
// `resolveSentinels`.

// Characters XML 1.0 §2.2 forbids (C0 controls except tab, LF, CR; U+FFFE/FFFF; lone surrogates).
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Any character XML_ILLEGAL or a CR could match (surrogates even when paired).
const MAY_NEED_CLEANING = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

// U+FFFE and U+FFFF can never survive `cleanText`, so they are free to stand for markup that
// xml-js would otherwise mangle; `resolveSentinels` swaps them for the real thing afterwards.
const CDATA_END = '\uFFFE';
const ATTRIBUTE_LT = '\uFFFF';

/**
 * Record text as every format carries it: characters XML cannot hold removed, line ends as LF
 * (an XML parser turns CR and CRLF into LF anyway, so all formats now agree).
 */
export function cleanText(value: string): string {
  // Most text has none of these: one scan instead of two replacements.
  if (!MAY_NEED_CLEANING.test(value)) return value;
  return value.replace(XML_ILLEGAL, '').replace(/\r\n?/g, '\n');
}

/**
 * For a slot xml-js writes as text: it first turns every "&amp;" back into "&" ("to avoid double
 * sanitization"), which would change a literal "&amp;" in a title into "&". Escaping every "&"
 * beforehand makes that step restore exactly the original text.
 */
export function forXmlText(value: string): string {
  return value.replaceAll('&', '&amp;');
}

/** For a CDATA slot: xml-js splits only the first "]]>"; every one becomes a sentinel instead. */
export function forCdata(value: string): string {
  return value.replaceAll(']]>', CDATA_END);
}

/**
 * For an attribute feed passes through its own `sanitize` (which escapes "&") and xml-js writes
 * escaping only '"': a "<" would make the document ill-formed, so it travels as a sentinel.
 */
export function forSanitizedAttribute(value: string): string {
  return value.replaceAll('<', ATTRIBUTE_LT);
}

/** For an attribute neither feed nor xml-js escapes beyond '"' (RSS category domain). */
export function forRawAttribute(value: string): string {
  return forSanitizedAttribute(value.replaceAll('&', '&amp;'));
}

/**
 * Marks where an item starts when many are rendered in one document and cut apart (see
 * `cutItems`): U+FFFF only ever stands in attributes and U+FFFE only in CDATA, so this pair cannot
 * occur anywhere else.
 */
export const ITEM_MARK = '\uFFFF\uFFFE';

/**
 * Cut a document whose every item carries ITEM_MARK (in its first CDATA section) into one fragment
 * per item, from the line that opens the item up to the next item or `end`.
 */
export function cutItems({ xml, open, end }: { xml: string; open: string; end: string }): string[] {
  const starts: number[] = [];
  for (let mark = xml.indexOf(ITEM_MARK); mark !== -1; mark = xml.indexOf(ITEM_MARK, mark + 2)) {
    const start = xml.lastIndexOf(open, mark);
    if (start === -1) throw new Error(`feed output has no ${JSON.stringify(open)} before an item`);
    starts.push(start);
  }
  const stop = xml.lastIndexOf(end);
  if (stop === -1) throw new Error(`feed output has no ${JSON.stringify(end)}`);
  return starts.map((start, index) =>
    resolveSentinels(xml.slice(start, starts[index + 1] ?? stop).replace(ITEM_MARK, '')),
  );
}

/** Replace the sentinels in a rendered document with well-formed markup. */
export function resolveSentinels(xml: string): string {
  let out = xml;
  // XML 1.0 §2.7: "]]>" cannot occur inside CDATA; close the section and reopen it around ">".
  if (out.includes(CDATA_END)) out = out.replaceAll(CDATA_END, ']]]]><![CDATA[>');
  if (out.includes(ATTRIBUTE_LT)) out = out.replaceAll(ATTRIBUTE_LT, '&lt;');
  return out;
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

/** Escape text for a double-quoted XML attribute written by this package. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char]!);
}
