import { describe, expect, it } from 'vitest';
import { formatFromPath, readArticle } from './read-article.js';

describe('readArticle', () => {
  it('turns HTML into paragraphs, leaving out the headline, navigation, figures and scripts', () => {
    const html = `<html><head><title>T</title><meta property="og:site_name" content="Wire">
      <link rel="canonical" href="https://example.org/a"></head><body>
      <nav>Home</nav><h1>Lavrov to visit</h1><p>First <a href="/x">paragraph</a>.</p>
      <script>alert(1)</script><figure><figcaption>Caption</figcaption></figure><p>Second &amp; last.</p></body></html>`;
    const { body, meta } = readArticle({ text: html, format: 'html' });
    expect(body.split(/\n\s*\n/).map((paragraph) => paragraph.trim())).toEqual([
      'First paragraph.',
      'Second & last.',
    ]);
    expect(meta).toEqual({
      title: 'Lavrov to visit',
      publisher: 'Wire',
      url: 'https://example.org/a',
    });
  });

  it.each([
    [
      '<meta property="article:published_time" content="2023-10-16T09:00:00Z">',
      '2023-10-16T09:00:00Z',
      '<meta article:published_time>',
    ],
    ['<time datetime="2024-01-17">17 Jan</time>', '2024-01-17', '<time datetime>'],
  ])('reads the article date from %s', (markup, date, from) => {
    const { meta } = readArticle({
      text: `<html><head></head><body>${markup}<p>x</p></body></html>`,
      format: 'html',
    });
    expect(meta).toMatchObject({ date, dateFrom: from });
  });

  it('reads only the <article> (or <main>) when there is one, not banners and link lists', () => {
    const page = (story: string) =>
      `<html><body><div class="cookie-banner">Accept all cookies to read about Putin's visit to Pyongyang on 1 May.</div>
      <div id="nav"><ul><li>Kim Jong Un met Vladimir Putin in Pyongyang on Sunday</li></ul></div>
      ${story}<div class="newsletter">Sign up for our newsletter.</div></body></html>`;
    for (const story of [
      '<article><p>Belousov arrived in Pyongyang on Friday.</p></article>',
      '<main><p>Belousov arrived in Pyongyang on Friday.</p></main>',
    ]) {
      const { body } = readArticle({ text: page(story), format: 'html' });
      expect(body.trim()).toBe('Belousov arrived in Pyongyang on Friday.');
    }
    const { body } = readArticle({
      text: page('<div><p>Belousov arrived in Pyongyang on Friday.</p></div>'),
      format: 'html',
    });
    expect(body).toContain('Belousov arrived');
    expect(body).toContain('cookies');
  });

  it('prefers the <time> of the <article> to one in a sidebar before it', () => {
    const html =
      '<body><aside><time datetime="2020-01-01">old</time></aside><article><time datetime="2024-01-17">17 Jan</time><p>x</p></article></body>';
    expect(readArticle({ text: html, format: 'html' }).meta.date).toBe('2024-01-17');
  });

  it('reads Markdown front matter and strips the markup, keeping link text', () => {
    const markdown = [
      '---',
      'title: Choe in Moscow',
      'date: 2024-01-17',
      'publisher: Example Review',
      '---',
      '# Headline',
      '',
      '**Choe Son-hui** held [talks](https://example.org) with *Lavrov*.',
      '',
      '> A quotation.',
      '- a list item',
      '```',
      'code is dropped',
      '```',
      '![photo](x.jpg)',
    ].join('\n');
    const { body, meta } = readArticle({ text: markdown, format: 'markdown' });
    expect(meta).toEqual({
      title: 'Choe in Moscow',
      date: '2024-01-17',
      dateFrom: 'front matter date',
      publisher: 'Example Review',
    });
    expect(body.split('\n').filter((line) => line.trim() !== '')).toEqual([
      'Choe Son-hui held talks with Lavrov.',
      'A quotation.',
      'a list item',
    ]);
  });

  it('keeps plain text as it is, with Unix line ends', () => {
    expect(readArticle({ text: 'a\r\nb', format: 'text' })).toEqual({ body: 'a\nb', meta: {} });
  });
});

describe('formatFromPath', () => {
  it.each([
    ['a.html', 'html'],
    ['a.HTM', 'html'],
    ['a.md', 'markdown'],
    ['a.markdown', 'markdown'],
    ['a.txt', 'text'],
    ['a', 'text'],
  ])('reads %s as %s', (path, format) => {
    expect(formatFromPath({ path })).toBe(format);
  });
});
