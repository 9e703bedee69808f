import { describe, expect, it } from 'vitest';
import { KeptDocuments } from './kept-documents.js';

interface Entry {
  archive: boolean;
}

describe('KeptDocuments', () => {
  const kept = () =>
    new KeptDocuments<Entry>({ isArchive: (entry) => entry.archive, maxArchives: 2 });

  it('keeps the most recently read archives only, and every other document', () => {
    const documents = kept();
    for (let n = 0; n < 10; n++) documents.set(`/feeds/themes/t${n}.atom`, { archive: false });
    documents.set('/feeds/archive/all/1.atom', { archive: true });
    documents.set('/feeds/archive/all/2.atom', { archive: true });
    documents.get('/feeds/archive/all/1.atom');
    documents.set('/feeds/archive/all/3.atom', { archive: true });
    expect(documents.has('/feeds/archive/all/2.atom')).toBe(false);
    expect(documents.has('/feeds/archive/all/1.atom')).toBe(true);
    expect(documents.has('/feeds/archive/all/3.atom')).toBe(true);
    for (let n = 0; n < 10; n++) expect(documents.has(`/feeds/themes/t${n}.atom`)).toBe(true);
    expect(documents.entries()).toHaveLength(12);
  });

  it('lists what it keeps in a list that can be deleted from while gone through', () => {
    const documents = kept();
    documents.set('/a', { archive: false });
    documents.set('/b', { archive: true });
    for (const [path] of documents.entries()) documents.delete(path);
    expect(documents.entries()).toEqual([]);
    expect(documents.get('/a')).toBeUndefined();
  });

  it('moves a path between the two when what it holds changes kind', () => {
    const documents = kept();
    documents.set('/feeds/archive/all/1.atom', { archive: false });
    documents.set('/feeds/archive/all/1.atom', { archive: true });
    expect(documents.entries()).toHaveLength(1);
  });
});
