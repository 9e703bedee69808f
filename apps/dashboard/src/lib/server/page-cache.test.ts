import { describe, expect, it } from 'vitest';
import { createPageCache, isCacheablePage, storedResponse } from './page-cache.js';

const get = (path: string, method = 'GET') =>
  [new Request(`http://x${path}`, { method }), new URL(`http://x${path}`)] as const;

describe('isCacheablePage', () => {
  it.each([
    ['/', true],
    ['/feeds', true],
    ['/themes/space', true],
    ['/briefings/lavrov-pyongyang-2023-10', true],
    ['/briefings', false],
    ['/briefings?theme=space', false],
    ['/?x=1', false],
    ['/feeds/all.atom', false],
    ['/briefings.csv', false],
    ['/briefings/__data.json', false],
  ])('%s → %s', (path, expected) => {
    expect(isCacheablePage(...get(path))).toBe(expected);
  });

  it('stores only GET requests', () => {
    expect(isCacheablePage(...get('/', 'HEAD'))).toBe(false);
  });
});

describe('createPageCache', () => {
  it('gives back an independent copy of what it stored', async () => {
    const cache = createPageCache();
    cache.set('/', {
      status: 200,
      headers: [['content-type', 'text/html']],
      body: new TextEncoder().encode('<p>hi</p>').buffer,
    });
    const first = storedResponse(cache.get('/')!);
    expect(await first.text()).toBe('<p>hi</p>');
    expect(await storedResponse(cache.get('/')!).text()).toBe('<p>hi</p>');
    expect(first.headers.get('content-type')).toBe('text/html');
  });

  it('starts over when full', () => {
    const cache = createPageCache({ maxEntries: 2 });
    const page = { status: 200, headers: [], body: new ArrayBuffer(0) };
    cache.set('a', page);
    cache.set('b', page);
    cache.set('c', page);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(page);
  });
});
