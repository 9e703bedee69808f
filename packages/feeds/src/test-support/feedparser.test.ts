import { describe, expect, it } from 'vitest';
import { parseWithFeedparser } from './feedparser.js';

describe('parseWithFeedparser', () => {
  it('fails, saying how to install python3-feedparser, when it cannot run', () => {
    expect(() =>
      parseWithFeedparser([{ name: 'x', text: '<rss/>' }], { python: '/nonexistent/python3' }),
    ).toThrow(/apt-get install -y python3-feedparser/);
  });

  it('reports a malformed feed as bozo', () => {
    const [result] = parseWithFeedparser([
      { name: 'broken', text: '<rss version="2.0"><channel>' },
    ]);
    expect(result!.bozo).toBeTruthy();
  });
});
