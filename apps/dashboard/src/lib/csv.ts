// RFC 4180 by hand: a dozen lines, where a library would add a dependency to every install.

/** Cells a spreadsheet would run as a formula (CWE-1236), unless prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-like text defused, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8 byte
// order mark: without it "Пхеньян" and "–" come out garbled.
const BOM = '\uFEFF';

/**
 * A CSV document line by line: a UTF-8 byte order mark, header then rows, each line ending in
 * CRLF as RFC 4180 asks.
 */
export function* csvLines({
  header,
  rows,
}: {
  header: readonly string[];
  rows: Iterable<readonly string[]>;
}): Generator<string> {
  yield `${BOM}${header.map(csvCell).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvCell).join(',')}\r\n`;
}

/** A whole CSV document (see csvLines). */
export function toCsv(table: {
  header: readonly string[];
  rows: Iterable<readonly string[]>;
}): string {
  return [...csvLines(table)].join('');
}
