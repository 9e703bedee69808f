import { randomBytes } from 'node:crypto';
import { access, link, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '@briefing/repo';

/**
 * Writes a file whole, and only if no file of that name exists: the contents are staged
 * atomically under a hidden name in the same directory, then hard-linked to the final name,
 * which fails if the name is taken (a rename would replace it). Resolves to false when the
 * file already existed.
 */
export async function writeNewFileAtomic({
  path,
  contents,
}: {
  path: string;
  contents: string;
}): Promise<boolean> {
  const staged = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.new`,
  );
  try {
    await writeFileAtomic({ path: staged, contents });
    try {
      await link(staged, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      // A file system without hard links: check, then rename into place.
      if (await exists(path)) return false;
      await rename(staged, path);
    }
    return true;
  } finally {
    await rm(staged, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
