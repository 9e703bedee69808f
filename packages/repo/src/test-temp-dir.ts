// A throwaway directory for this package's tests (it depends on no other workspace package).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-repo-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
