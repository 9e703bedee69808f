import { makeBriefing } from '@briefing/schema/testing';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { toListItem } from '../list-item.js';
import { timelineItem } from '../server/overview.js';
import BriefingList from './BriefingList.svelte';
import { periodCounts } from '../charts/period-counts.js';
import Heatmap from './Heatmap.svelte';
import Timeline from './Timeline.svelte';

const hostile = makeBriefing({
  id: 'hostile',
  title: '<script>alert(1)</script> & <img src=x onerror=alert(2)>',
});

describe('BriefingList', () => {
  it('escapes record text instead of rendering it as HTML', () => {
    const { body } = render(BriefingList, { props: { items: [toListItem(hostile)] } });
    expect(body).not.toContain('<script>alert(1)');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script>alert(1)&lt;/script> &amp; &lt;img src=x onerror=alert(2)>');
    expect(body).toContain('href="/briefings/hostile"');
  });

  it('shows the date as the schema formats it', () => {
    const { body } = render(BriefingList, { props: { items: [toListItem(makeBriefing())] } });
    expect(body).toContain('18–19 Oct 2023');
  });
});

describe('Timeline', () => {
  it('draws a mark per record and theme and lists every record in its table', () => {
    const records = [
      makeBriefing({ id: 'a', themes: ['diplomacy', 'space'] }),
      makeBriefing({ id: 'b', date: { start: '2024-02-01', precision: 'month' } }),
    ];
    const { body } = render(Timeline, {
      props: {
        items: records.map(timelineItem),
        themes: ['diplomacy', 'space'],
        title: 'Timeline',
      },
    });
    // Drawn once, each mark a link to its record.
    expect(body.match(/<svg class="plot/g)).toHaveLength(1);
    expect(body.match(/<a href="\/briefings\/a" class="mark/g)).toHaveLength(2);
    expect(body.match(/<a href="\/briefings\/b" class="mark/g)).toHaveLength(1);
    // A record's other marks are left out of the tab order: the keyboard visits each record once.
    expect(body.match(/tabindex="-1"/g)).toHaveLength(1);
    expect(body).toContain('url(#');
    expect(body).toContain('<td>Feb 2024</td>');
    expect(body).toContain('<td>18–19 Oct 2023</td>');
  });

  it('draws the year lines over the shaded lanes, so that every lane shows them', () => {
    const records = [
      makeBriefing({
        id: 'a',
        themes: ['diplomacy'],
        date: { start: '2001-05-01', precision: 'day' },
      }),
      makeBriefing({ id: 'b', themes: ['space'], date: { start: '2020-05-01', precision: 'day' } }),
      makeBriefing({
        id: 'c',
        themes: ['defense'],
        date: { start: '2025-05-01', precision: 'day' },
      }),
    ];
    const { body } = render(Timeline, {
      props: {
        items: records.map(timelineItem),
        themes: ['diplomacy', 'defense', 'space'],
        title: 'Timeline',
      },
    });
    // SVG paints in document order: a band after a line would cover it.
    const lastBand = body.lastIndexOf('class="lane-band');
    const firstLine = body.indexOf('class="axis-line');
    expect(lastBand).toBeGreaterThan(-1);
    expect(firstLine).toBeGreaterThan(lastBand);
  });
});

describe('Heatmap', () => {
  it('links each non-empty cell to the list counting the same, and labels it for screen readers', () => {
    const counts = periodCounts([
      { month: '2023-10', theme: 'diplomacy' as const, count: 2, ids: ['a', 'b'] },
    ]);
    const themes = ['diplomacy', 'space'] as const;
    const engagements = render(Heatmap, { props: { counts, themes } }).body;
    expect(engagements).toContain(
      'href="/briefings?theme=diplomacy&amp;from=2023-10-01&amp;to=2023-10-31"',
    );
    expect(engagements).toContain('aria-label="Diplomacy, Oct 2023: 2 engagements"');
    const records = render(Heatmap, {
      props: { counts, themes, count: 'records' },
    }).body;
    expect(records).toContain(
      'href="/briefings?theme=diplomacy&amp;from=2023-10-01&amp;to=2023-10-31&amp;count=records"',
    );
    expect(records).toContain('aria-label="Diplomacy, Oct 2023: 2 records"');
  });

  it('names what it counts and by what period: months over a short span, years over a long one', () => {
    const months = periodCounts([
      { month: '2023-10', theme: 'diplomacy' as const, count: 2, ids: ['a', 'b'] },
    ]);
    const years = periodCounts([
      { month: '2000-02', theme: 'diplomacy' as const, count: 1, ids: ['a'] },
      { month: '2025-12', theme: 'diplomacy' as const, count: 1, ids: ['b'] },
    ]);
    const themes = ['diplomacy'] as const;
    const byMonth = render(Heatmap, { props: { counts: months, themes } }).body;
    expect(byMonth).toContain('Engagements per theme and month');
    expect(byMonth).not.toContain('per theme and year');
    const byYear = render(Heatmap, { props: { counts: years, themes, count: 'records' } }).body;
    expect(byYear).toContain('Records per theme and year');
    expect(byYear).toContain('<th scope="col">Year</th>');
    expect(byYear).not.toContain('per theme and month');
  });
});
