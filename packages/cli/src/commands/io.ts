import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { userCwd } from '@briefing/repo';
import { InputError, type CommandContext } from './command.js';

/** The directory the user ran the command in. */
export function baseDir(io: Pick<CommandContext, 'cwd' | 'env'>): string {
  return userCwd(io.env ?? process.env, io.cwd);
}

export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Reads an article as UTF-8 text, refusing what is not one: over `maxBytes`, NUL bytes
 * (a binary file), invalid UTF-8, or nothing but white space.
 */
export async function readArticleInput({
  path,
  stdin,
  name,
  maxBytes = MAX_INPUT_BYTES,
}: {
  /** A file path, or undefined for stdin. */
  path?: string;
  stdin?: Readable;
  /** How to name the input in messages. */
  name: string;
  maxBytes?: number;
}): Promise<string> {
  let bytes: Buffer;
  if (path === undefined) {
    if (stdin === undefined) throw new InputError(`${name}: no standard input to read`);
    bytes = await readStream({ stream: stdin, maxBytes, name });
  } else {
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory, expected a file'
            : (code ?? 'unreadable');
      throw new InputError(`${name}: cannot read the article: ${why}`);
    }
  }
  if (bytes.length > maxBytes) {
    throw new InputError(
      `${name}: the article is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit; pass a single article`,
    );
  }
  if (bytes.includes(0))
    throw new InputError(
      `${name}: a binary file (it contains NUL bytes), expected text, Markdown or HTML`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text; convert it to UTF-8 first`);
  }
  if (text.trim() === '') throw new InputError(`${name}: the article is empty`);
  return text;
}

async function readStream({
  stream,
  maxBytes,
  name,
}: {
  stream: Readable;
  maxBytes: number;
  name: string;
}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new InputError(
        `${name}: the article is over the ${formatBytes(maxBytes)} limit; pass a single article`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}
