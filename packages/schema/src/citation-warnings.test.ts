import { describe, expect, it } from 'vitest';
import { citationWarnings, notAnArticle } from './citation-warnings.js';
import { makeBriefing } from './test-support/index.js';

describe('notAnArticle', () => {
  it.each([
    ['https://unionleader.com', "a site's home page"],
    ['https://novayagazeta.eu/', "a site's home page"],
    ['https://unn.ua/en/news', 'a section page'],
    ['https://livemint.com/news/world', 'a section page'],
    ['https://panafricannews.blogspot.com/2025/09', 'a date archive'],
    ['https://sputnikglobe.com/20240328', 'a date archive'],
    ['https://koreajoongangdaily.joins.com/news/2025-04-28', 'a date archive'],
    ['https://localnews8.com/news/ap-national/2024/03/28', 'a date archive'],
  ])('flags %s as %s', (url, kind) => {
    expect(notAnArticle(url)).toBe(kind);
  });

  it.each([
    'https://tass.com/world/1675791',
    'https://brecorder.com/news/40268327',
    'https://menafn.com/1109933106',
    'https://koreaherald.com/view.php?ud=20241201050042',
    'https://en.yna.co.kr/view/AEN20231016007800315',
    'https://cnn.com/europe/live-news/russia-ukraine-war-news-09-14-23',
    'https://www.kremlin.ru/events/president/news/38435',
    'https://ria.ru/20190425/1553025155.html',
  ])('accepts the article URL %s', (url) => {
    expect(notAnArticle(url)).toBeUndefined();
  });
});

describe('citationWarnings', () => {
  it('names the source, what the URL is and what to do', () => {
    const record = makeBriefing({
      sources: [
        {
          publisher: 'TASS',
          title: 'A report',
          url: 'https://tass.com/world/1675791',
          language: 'en',
        },
        { publisher: 'AP', title: 'A wire', url: 'https://unionleader.com', language: 'en' },
      ],
    });
    expect(citationWarnings(record)).toEqual([
      {
        path: ['sources', 1, 'url'],
        message:
          'expected the URL of the article itself, got a site\'s home page "https://unionleader.com": cite the full URL of the page that reports this engagement',
      },
    ]);
  });

  it('has nothing to say of a record citing articles and documents', () => {
    expect(citationWarnings(makeBriefing({}))).toEqual([]);
  });
});
