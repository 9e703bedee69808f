// RFC 5545 §3.1: a calendar's content lines are folded so that none is longer than 75 octets,
// without splitting a character. ical-generator folds the same way but builds a TextEncoder per
// character (~8 s for 10,000 events); folding our event texts a character at a time in JS still
// took a fifth of making every calendar. Here the text is encoded once, as it must be anyway,
// and cut in its bytes: only lines longer than a fold are looked into.

// A folded line holds at most this many octets of content (a continuation line's leading space
// makes 75), as ical-generator cuts them.
const OCTETS_PER_LINE = 74;
const CR = 0x0d;
const LF = 0x0a;
const FOLD = Buffer.from('\r\n ');

/** Whether a byte continues a UTF-8 character (10xxxxxx) rather than starting one. */
const continues = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * The text as UTF-8, each CRLF-ended content line folded before any character that would take it
 * past 74 octets: byte for byte ical-generator's foldLines, encoded (tested).
 */
export function foldedUtf8(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  let copied = 0;
  let lineStart = 0;
  while (lineStart < bytes.length) {
    let lineEnd = bytes.indexOf(CR, lineStart);
    while (lineEnd !== -1 && bytes[lineEnd + 1] !== LF) lineEnd = bytes.indexOf(CR, lineEnd + 1);
    if (lineEnd === -1) lineEnd = bytes.length;
    for (let from = lineStart; lineEnd - from > OCTETS_PER_LINE;) {
      let cut = from + OCTETS_PER_LINE;
      while (continues(bytes[cut]!)) cut--;
      pieces.push(bytes.subarray(copied, cut), FOLD);
      copied = cut;
      from = cut;
    }
    lineStart = lineEnd + 2;
  }
  if (pieces.length === 0) return bytes;
  pieces.push(bytes.subarray(copied));
  return Buffer.concat(pieces);
}
