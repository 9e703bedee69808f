// Reading and checking one record file: the part of an update that needs no index, so that it
// can run in a worker thread (parse-pool.ts) as well as on the main one.
import { hash } from 'node:crypto';
import { checkBriefingFile, checkRecordDocuments, type Problem } from '@briefing/schema/node';
import { recordRow, type RecordRow } from './record-row.js';
import { fileStat, readRecordFile, type FileStat } from './scan.js';

export interface CheckRequest {
  /** The file's name in the data folder. */
  name: string;
  /** Where to read it (the target of a symbolic link, resolved). */
  path: string;
  /** How problems name it. */
  file: string;
  /** The hash of the bytes read last time: the same bytes are not parsed again. */
  previousHash?: string;
  /** Parse even bytes read before. */
  reparse: boolean;
}

export interface CheckOptions {
  maxBytes: number;
  maxAliasCount?: number;
  /** The directory `document:` sources are relative to. */
  documentsRoot: string;
}

export type CheckResult = { name: string; stat?: FileStat } & (
  | { outcome: 'unreadable'; message: string }
  | { outcome: 'same'; hash: string; size: number }
  | { outcome: 'checked'; hash: string; size: number; row?: RecordRow; problems: Problem[] }
);

/** Reads a file and, when its bytes are new (or `reparse`), checks them as a record. */
export async function checkFile(
  request: CheckRequest,
  options: CheckOptions,
): Promise<CheckResult> {
  const { name, file } = request;
  const read = readRecordFile({ path: request.path, maxBytes: options.maxBytes });
  const stat = read.stat === undefined ? undefined : fileStat(read.stat);
  const withStat = stat === undefined ? { name } : { name, stat };
  if ('message' in read) return { ...withStat, outcome: 'unreadable', message: read.message };
  const contentHash = hash('sha256', read.bytes);
  if (!request.reparse && request.previousHash === contentHash) {
    return { ...withStat, outcome: 'same', hash: contentHash, size: read.size };
  }
  const checked = checkBriefingFile({
    bytes: read.bytes,
    size: read.size,
    file,
    name,
    maxBytes: options.maxBytes,
    ...(options.maxAliasCount === undefined ? {} : { maxAliasCount: options.maxAliasCount }),
  });
  const { record } = checked;
  let problems = checked.problems;
  if (record !== undefined && record.sources.some((source) => source.document !== undefined)) {
    const documents = await checkRecordDocuments({
      record,
      file,
      lineOf: checked.lineOf,
      root: options.documentsRoot,
    });
    problems = [...problems, ...documents.problems];
  }
  return {
    ...withStat,
    outcome: 'checked',
    hash: contentHash,
    size: read.size,
    ...(record === undefined ? {} : { row: recordRow(record) }),
    problems,
  };
}
