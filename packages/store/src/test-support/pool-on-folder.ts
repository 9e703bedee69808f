// For the scripts that run ParsePool (parse-both.ts, parse-released.ts): a request for every
// file of a folder, in name order, and a worker ready to check them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions, CheckRequest } from '../check-file.js';
import { ParsePool } from '../parse-pool.js';

export async function poolOnFolder(
  dir: string,
): Promise<{ requests: CheckRequest[]; options: CheckOptions; pool: ParsePool }> {
  const options = { maxBytes: 256 * 1024, documentsRoot: dir };
  const requests = readdirSync(dir)
    .sort()
    .map((name) => ({ name, path: join(dir, name), file: `data/${name}`, reparse: false }));
  const pool = await ParsePool.start(options);
  if (pool === undefined) throw new Error('the worker did not start');
  return { requests, options, pool };
}
