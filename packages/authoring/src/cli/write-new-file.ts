import { randomBytes } from 'node:crypto';
import { access, link, open, rm } from 'node:fs/promises';
import { writeFileAtomic } from '@briefing/schema/node';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole, and only if no file of that name exists: a synced temp file in the same
 * directory, then a hard link to the final name (which fails if the name is taken, unlike a
 * rename, which would replace it). Resolves to false when the file already existed.
 */
export async function writeNewFileAtomic({
  path,
  contents,
}: {
  path: string;
  contents: string;
}): Promise<boolean> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      // A file system without hard links: check, then rename into place.
      if (await exists(path)) return false;
      await writeFileAtomic({ path, contents });
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
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
