import { describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { dateAtUtcMidnight, toFeedItem } from './to-feed-item.js';

describe('dateAtUtcMidnight', () => {
  it.each([
    '2023-10-18',
    '2024-02-29',
    '1000-01-01',
    '9999-12-31',
    '0099-01-01',
    '2023-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-1-1',
    'not a date',
  ])('gives %s the instant Date parses from its UTC midnight', (isoDate) => {
    expect(dateAtUtcMidnight(isoDate).getTime()).toEqual(
      new Date(`${isoDate}T00:00:00Z`).getTime(),
    );
  });
});

describe('toFeedItem sources', () => {
  const record = makeBriefing({
    sources: [
      {
        publisher: 'KBS World',
        title: 'Report on the visit',
        url: 'https://world.kbs.co.kr',
        published: '2023-09-13',
        note: 'Only the host is recorded; article Seq_Code=180535.',
      },
    ],
  });
  const item = toFeedItem({ record, siteUrl: 'https://briefing.example.org/' });

  it('gives each source its publication date as people read it, and its note', () => {
    expect(item.contentText).toContain(
      '- KBS World: Report on the visit (13 Sep 2023) <https://world.kbs.co.kr> — Only the host is recorded; article Seq_Code=180535.',
    );
    expect(item.contentHtml).toContain(
      '<a href="https://world.kbs.co.kr" rel="noopener noreferrer">KBS World: Report on the visit</a> (13 Sep 2023) — Only the host is recorded; article Seq_Code=180535.',
    );
  });
});

describe('toFeedItem content', () => {
  const record = makeBriefing({
    summary: 'First paragraph.\n\nSecond & last.',
    actors: [
      { name: 'Sergei Lavrov', office: 'Foreign Minister', country: 'RUS', role: 'visitor' },
      { name: 'Choe Son Hui', country: 'PRK', role: 'host' },
    ],
    places: [],
  });
  const item = toFeedItem({ record, siteUrl: 'https://briefing.example.org/' });

  it('writes each section as a heading, then its lines or list, a blank line between sections', () => {
    expect(item.contentText).toContain(
      'Summary\nFirst paragraph.\nSecond & last.\n\nActors\n- Sergei Lavrov, Foreign Minister (Russia)\n- Choe Son Hui (North Korea)\n\nPlaces\n- None (remote)\n\nThemes\n',
    );
    expect(item.contentText.startsWith('When\n')).toBe(true);
    expect(item.contentText).not.toMatch(/\n{3}/);
  });

  it('writes the same sections as HTML, one line apart', () => {
    expect(item.contentHtml).toContain(
      '<h3>Summary</h3><p>First paragraph.</p><p>Second &amp; last.</p>\n<h3>Actors</h3><ul><li>Sergei Lavrov, Foreign Minister (Russia)</li><li>Choe Son Hui (North Korea)</li></ul>\n<h3>Places</h3><ul><li>None (remote)</li></ul>\n',
    );
    expect(item.contentHtml.startsWith('<h3>When</h3><p>')).toBe(true);
  });
});
