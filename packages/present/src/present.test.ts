import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import {
  FSI,
  PDI,
  calendarPath,
  calendarYearOf,
  calendarYearPath,
  cleanRecord,
  cleanText,
  concernsCountry,
  countLabel,
  eventLastDay,
  isolate,
  isolateHtml,
  listHref,
  monthBounds,
  nextDay,
  NOUNS,
  recordPath,
  scopePagePath,
  statusLabel,
} from './index.js';

describe('presentation rules', () => {
  it.each([
    [0, '0 results'],
    [1, '1 result'],
    [2, '2 results'],
    [1234, '1,234 results'],
  ])('counts %i as "%s"', (count, expected) => {
    expect(countLabel(count, NOUNS.result)).toBe(expected);
  });

  it('names each status once', () => {
    expect(statusLabel('disputed')).toBe('Disputed');
    expect(statusLabel('occurred')).toBe('Occurred');
  });

  it('builds the URL of a record, a list and the page a feed describes', () => {
    expect(recordPath({ id: 'lavrov-pyongyang-2023-10' })).toBe(
      '/briefings/lavrov-pyongyang-2023-10',
    );
    expect(listHref({ query: { countries: ['PRK'], themes: ['space'] } })).toBe(
      '/briefings?theme=space&country=PRK',
    );
    expect(scopePagePath({ scope: { kind: 'country', code: 'PRK' } })).toBe(
      '/briefings?country=PRK',
    );
    expect(scopePagePath({ scope: { kind: 'theme', id: 'space' } })).toBe('/themes/space');
  });

  it("reads a year's calendar path back to its year, and no other path", () => {
    expect(calendarYearPath({ year: '1950' })).toBe('/feeds/calendar/1950.ics');
    expect(calendarYearOf(calendarYearPath({ year: '1950' }))).toBe('1950');
    expect(calendarYearOf(calendarYearPath({ year: '2024' }))).toBe('2024');
    for (const path of [
      calendarPath,
      '/feeds/calendar/24.ics',
      '/feeds/calendar/2024.ics/x',
      '/x/feeds/calendar/2024.ics',
      '/feeds/calendar/2024.rss',
      '/feedsXcalendar/2024.ics',
    ]) {
      expect(calendarYearOf(path), path).toBeUndefined();
    }
  });

  it('says a record concerns a country through an actor or a place', () => {
    const record = makeBriefing({
      actors: [{ name: 'Sergei Lavrov', country: 'RUS', role: 'visitor' }],
      places: [{ name: 'Pyongyang', country: 'PRK' }],
    });
    expect(concernsCountry(record, 'PRK')).toBe(true);
    expect(concernsCountry(record, 'rus')).toBe(true);
    expect(concernsCountry(record, 'CHN')).toBe(false);
  });

  it('finds the last day of an event and of a month', () => {
    expect(eventLastDay({ start: '2024-02-01', precision: 'month' })).toBe('2024-02-29');
    expect(eventLastDay({ start: '2023-01-01', precision: 'year' })).toBe('2023-12-31');
    expect(monthBounds('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(nextDay('0999-03-01')).toBe('0999-03-02');
  });

  it('drops control characters and isolates text that could reorder its neighbours', () => {
    expect(cleanText('a\u0001b\u0008c\r\nd')).toBe('abc\nd');
    expect(isolate('plain title')).toBe('plain title');
    expect(isolate('evil \u202E title')).toBe(`${FSI}evil \u202E title${PDI}`);
    expect(isolate('מרק')).toBe(`${FSI}מרק${PDI}`);
    expect(isolateHtml('<\u202E>')).toBe('<bdi>&lt;\u202E&gt;</bdi>');
    const record = makeBriefing({ title: 'bell\u0007' });
    expect(cleanRecord(record).title).toBe('bell');
    expect(cleanRecord(makeBriefing())).toEqual(makeBriefing());
  });
});
