import { makeTempDir, writeFiles } from '@briefing/schema/testing';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentPath, readDocuments } from './documents.js';

const temp = await makeTempDir('dashboard-documents-');
afterAll(() => temp.remove());

describe('cited documents', () => {
  it('are served under /documents/ by file name', () => {
    expect(documentPath('seeds/documents/000_de4160cc50d9890e.txt')).toBe(
      '/documents/000_de4160cc50d9890e.txt',
    );
    expect(documentPath('seeds/documents/a brief?.txt')).toBe('/documents/a%20brief%3F.txt');
  });

  it('are read by file name, plain text only, and two with one file name are a problem', async () => {
    await mkdir(join(temp.dir, 'a'));
    await mkdir(join(temp.dir, 'b'));
    await writeFiles({
      dir: temp.dir,
      files: {
        'a/brief.txt': 'First brief.',
        'b/brief.txt': 'Second brief.',
        'c.txt': 'Other.',
        'page.html': '<script>alert(1)</script>',
      },
    });
    const { documents, problems } = await readDocuments(
      new Map([
        ['seeds/a/brief.txt', join(temp.dir, 'a/brief.txt')],
        ['seeds/b/brief.txt', join(temp.dir, 'b/brief.txt')],
        ['seeds/c.txt', join(temp.dir, 'c.txt')],
        // Not plain text: a static host would serve it as a page of the site.
        ['seeds/page.html', join(temp.dir, 'page.html')],
      ]),
    );
    expect([...documents]).toEqual([
      ['brief.txt', { document: 'seeds/a/brief.txt', text: 'First brief.' }],
      ['c.txt', { document: 'seeds/c.txt', text: 'Other.' }],
    ]);
    expect(problems).toEqual([
      {
        file: 'seeds/b/brief.txt',
        path: '',
        message:
          'expected cited documents to have distinct file names, but "seeds/a/brief.txt" is also named "brief.txt"',
      },
    ]);
  });
});
