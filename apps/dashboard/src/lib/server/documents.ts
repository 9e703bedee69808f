import type { Briefing } from '@briefing/schema';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** A document a source cites (a file kept with the records, such as the founding news brief). */
export interface CitedDocument {
  /** The source's `document` value: the file's path in the repository. */
  document: string;
  text: string;
}

/** Where the site serves a cited document: /documents/<file name>. */
export function documentPath(document: string): string {
  return `/documents/${encodeURIComponent(basename(document))}`;
}

/**
 * Whether the site serves a document: plain text only. A static host serves files by their
 * extension, and a cited .html or .svg (third-party text) must never run as part of the site.
 */
export function isServedDocument(document: string): boolean {
  return document.endsWith('.txt');
}

/**
 * The cited plain-text documents of some records, by file name, added to those already read
 * (`previous`). Paths are the repository's (`root`). A document that cannot be read, or whose
 * file name another document already has, is logged and not served.
 */
export async function readCitedDocuments({
  records,
  previous = new Map(),
  root,
  log = (message) => console.warn(message),
}: {
  records: readonly Briefing[];
  previous?: ReadonlyMap<string, CitedDocument> | undefined;
  root: string;
  log?: (message: string) => void;
}): Promise<Map<string, CitedDocument>> {
  const documents = new Map(previous);
  const cited = new Set<string>();
  for (const record of records) {
    for (const source of record.sources) {
      if (source.document !== undefined && isServedDocument(source.document)) {
        cited.add(source.document);
      }
    }
  }
  for (const document of [...cited].sort()) {
    const name = basename(document);
    const other = documents.get(name);
    if (other?.document === document) continue;
    if (other !== undefined) {
      log(
        `${document}: expected cited documents to have distinct file names, but "${other.document}" is also named "${name}"; it is not served`,
      );
      continue;
    }
    try {
      documents.set(name, { document, text: await readFile(join(root, document), 'utf8') });
    } catch (error) {
      log(
        `${document}: cannot read the cited document (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return documents;
}
