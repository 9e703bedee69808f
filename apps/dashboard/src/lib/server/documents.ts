import type { Problem } from '@briefing/schema';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

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
 * Reads every cited plain-text document (`found`: document → absolute path, from loadBriefings),
 * by file name. Two documents with one file name would share an address: that is a problem to fix.
 */
export async function readDocuments(found: ReadonlyMap<string, string>): Promise<{
  documents: Map<string, CitedDocument>;
  problems: Problem[];
}> {
  const documents = new Map<string, CitedDocument>();
  const problems: Problem[] = [];
  const served = [...found].filter(([document]) => isServedDocument(document));
  for (const [document, path] of served.sort(([a], [b]) => a.localeCompare(b))) {
    const name = basename(document);
    const other = documents.get(name);
    if (other !== undefined) {
      problems.push({
        file: document,
        path: '',
        message: `expected cited documents to have distinct file names, but "${other.document}" is also named "${name}"`,
      });
      continue;
    }
    documents.set(name, { document, text: await readFile(path, 'utf8') });
  }
  return { documents, problems };
}
