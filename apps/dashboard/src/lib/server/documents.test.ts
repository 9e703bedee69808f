import { makeTempDir, writeFiles } from '@briefing/schema/testing';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { documentPath, readCitedDocuments } from './documents.js';

const temp = await makeTempDir('dashboard-documents-');
afterAll(() => temp.remove());

describe('cited documents', () => {
  it('are served under /documents/ by file name', () => {
    expect(documentPath('seeds/documents/000_de4160cc50d9890e.txt')).toBe(
      '/documents/000_de4160cc50d9890e.txt',
    );
    expect(documentPath('seeds/documents/a brief?.txt')).toBe('/documents/a%20brief%3F.txt');
  });

  it('are read by file name, plain text only; a second one with the same file name is logged and left out', async () => {
    await mkdir(join(temp.dir, 'seeds/documents'), { recursive: true });
    await writeFiles({
      dir: join(temp.dir, 'seeds/documents'),
      files: { 'brief.txt': 'First brief.', 'c.txt': 'Other.', 'page.html': '<script>1</script>' },
    });
    const cite = (id: string, ...documents: string[]) =>
      makeBriefing({
        id,
        sources: documents.map((document) => ({ publisher: 'Brief', title: 'Brief', document })),
      });
    const logged: string[] = [];
    const first = await readCitedDocuments({
      records: [cite('a', 'seeds/documents/brief.txt', 'seeds/documents/page.html')],
      root: temp.dir,
      log: (line) => logged.push(line),
    });
    expect([...first]).toEqual([
      ['brief.txt', { document: 'seeds/documents/brief.txt', text: 'First brief.' }],
    ]);
    // Later records add to what was read; a missing file is named, without its content.
    const next = await readCitedDocuments({
      records: [cite('b', 'seeds/documents/c.txt', 'seeds/documents/gone.txt')],
      previous: first,
      root: temp.dir,
      log: (line) => logged.push(line),
    });
    expect([...next.keys()]).toEqual(['brief.txt', 'c.txt']);
    expect(logged).toEqual(['seeds/documents/gone.txt: cannot read the cited document (ENOENT)']);
  });
});
