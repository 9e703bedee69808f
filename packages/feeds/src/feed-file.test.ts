import { describe, expect, it } from 'vitest';
import etag from 'etag';
import { strongEtag } from './feed-file.js';

describe('strongEtag', () => {
  it.each([
    ['no parts', []],
    ['an empty part', [Buffer.alloc(0)]],
    ['one part', [Buffer.from('<rss/>')]],
    [
      'many parts',
      [Buffer.from('<feed>'), Buffer.from('Пхеньян 평양 ]]>'), Buffer.from('</feed>')],
    ],
  ] as [string, Buffer[]][])(
    'tags %s exactly as the etag package tags their concatenation',
    (_, parts) => {
      expect(strongEtag(parts)).toBe(etag(Buffer.concat(parts)));
    },
  );
});
