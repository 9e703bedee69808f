import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import type { Briefing } from '@briefing/schema';
import { eventLastDay as lastDay, nextDay } from '@briefing/present';
import fc from 'fast-check';
import { compareEvents, mostRecentEvents, renderCalendars } from './icalendar.js';

const SITE = 'https://briefing.example.org/';

/** The calendar one subscribes to. */
function renderICalendar({ records, size }: { records: Briefing[]; size?: number }): string {
  return joinedText(
    renderCalendars({ records, siteUrl: SITE, ...(size === undefined ? {} : { size }) }).get(
      '/feeds/calendar.ics',
    )!,
  );
}

/** A calendar's parts joined, as text. */
function joinedText(parts: readonly Uint8Array[]): string {
  return Buffer.concat(parts).toString('utf8');
}

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    description: String(calendar.getFirstPropertyValue('x-wr-caldesc')),
    uids: calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).uid),
  };
}

function events(records: Briefing[]) {
  const text = renderICalendar({ records });
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate && event.endDate.isDate,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status'),
      stamp: String(component.getFirstPropertyValue('dtstamp')),
      location: event.location,
      url: String(component.getFirstPropertyValue('url')),
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues()),
      description: event.description,
      transparency: component.getFirstPropertyValue('transp'),
    };
  });
}

describe('renderICalendar', () => {
  it('writes each engagement as an all-day event with an exclusive end date', () => {
    const [event] = events([makeBriefing()]);
    expect(event).toMatchObject({
      uid: 'lavrov-pyongyang-2023@briefing.example.org',
      start: '2023-10-18',
      end: '2023-10-20',
      isDate: true,
      sequence: 0,
      status: 'CONFIRMED',
      location: 'Pyongyang, North Korea',
      url: `${SITE}briefings/lavrov-pyongyang-2023`,
      categories: ['Diplomacy'],
    });
    expect(event!.stamp).toBe('2024-01-10T00:00:00Z');
    expect(event!.description).toContain('18–19 Oct 2023');
  });

  it('marks events free, puts the date note and the record link in the description, and has no METHOD', () => {
    const text = renderICalendar({ records: [makeBriefing()] });
    expect(text).not.toMatch(/^METHOD:/m);
    const [event] = events([makeBriefing()]);
    expect(event!.transparency).toBe('TRANSPARENT');
    expect(event!.description).toContain('18–19 Oct 2023 (Kim received Lavrov on 19 Oct)');
    expect(event!.description).toContain(`Record: ${SITE}briefings/lavrov-pyongyang-2023`);
  });

  it.each([
    ['occurred', 'Lavrov visits Pyongyang'],
    ['announced', 'Announced: Lavrov visits Pyongyang'],
    ['postponed', 'Postponed: Lavrov visits Pyongyang'],
    ['cancelled', 'Cancelled: Lavrov visits Pyongyang'],
    ['disputed', 'Disputed: Lavrov visits Pyongyang'],
  ] as const)('titles a %s engagement "%s"', (status, summary) => {
    expect(events([makeBriefing({ status })])[0]!.summary).toBe(summary);
  });

  it.each([
    ['occurred', 'CONFIRMED'],
    ['announced', 'TENTATIVE'],
    ['planned', 'TENTATIVE'],
    ['postponed', 'TENTATIVE'],
    ['disputed', 'TENTATIVE'],
    ['cancelled', 'CANCELLED'],
  ] as const)('maps status %s to STATUS:%s', (status, expected) => {
    expect(events([makeBriefing({ status })])[0]!.status).toBe(expected);
  });

  it('raises SEQUENCE with each revision and dates DTSTAMP by the last one', () => {
    const edited = makeBriefing({
      revision: {
        created: '2024-01-10',
        updated: '2024-03-02',
        changes: [
          { date: '2024-01-10', note: 'Created.' },
          { date: '2024-02-01', note: 'Added a source.' },
          { date: '2024-03-02', note: 'Corrected the date.' },
        ],
      },
    });
    const [event] = events([edited]);
    expect(event!.sequence).toBe(2);
    expect(event!.stamp).toBe('2024-03-02T00:00:00Z');
    expect(event!.uid).toBe('lavrov-pyongyang-2023@briefing.example.org');
  });

  it.each([
    [
      { start: '2023-09-01', precision: 'month' },
      '2023-09-01',
      '2023-10-01',
      '(date known to the month: Sep 2023)',
    ],
    [
      { start: '2023-09-01', end: '2023-10-31', precision: 'month' },
      '2023-09-01',
      '2023-11-01',
      'Sep–Oct 2023',
    ],
    [
      { start: '2024-01-01', precision: 'year' },
      '2024-01-01',
      '2025-01-01',
      '(date known to the year: 2024)',
    ],
    [
      { start: '2023-12-31', precision: 'day' },
      '2023-12-31',
      '2024-01-01',
      'Lavrov visits Pyongyang',
    ],
    [
      { start: '2024-02-28', end: '2024-02-29', precision: 'day' },
      '2024-02-28',
      '2024-03-01',
      'Lavrov',
    ],
  ] as [Briefing['date'], string, string, string][])(
    'spans %j as all-day events from %s to %s (exclusive)',
    (date, start, end, summary) => {
      const [event] = events([makeBriefing({ date })]);
      expect([event!.start, event!.end]).toEqual([start, end]);
      expect(event!.summary).toContain(summary);
    },
  );

  it('orders events by date then id whatever the input order', () => {
    const a = makeBriefing({ id: 'a', date: { start: '2024-05-01', precision: 'day' } });
    const b = makeBriefing({ id: 'b', date: { start: '2023-05-01', precision: 'day' } });
    const text = (records: Briefing[]) => renderICalendar({ records });
    expect(text([a, b])).toBe(text([b, a]));
  });

  it('computes day arithmetic in UTC', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(lastDay({ start: '2024-02-01', precision: 'month' })).toBe('2024-02-29');
  });
});

describe('renderCalendars', () => {
  const on = (id: string, start: string) => makeBriefing({ id, date: { start, precision: 'day' } });
  const records = [
    on('d', '2024-03-01'),
    on('a', '2023-01-10'),
    on('e', '2025-01-01'),
    on('b', '2023-06-01'),
    on('c', '2024-03-01'),
  ];

  it('holds every event in the calendar one subscribes to while there are no more than its size', () => {
    const current = parsed(renderICalendar({ records, size: 5 }));
    expect(current.uids.length).toBe(5);
    expect(current.description).toMatch(
      /^Every recorded engagement between Russia and North Korea/,
    );
  });

  it('cuts the calendar one subscribes to at the most recent events, and says where the rest are', () => {
    const current = parsed(renderICalendar({ records, size: 3 }));
    expect(current.uids).toEqual(['c', 'd', 'e'].map((id) => `${id}@briefing.example.org`));
    expect(current.description).toContain('The 3 most recent recorded engagements');
    expect(current.description).toContain(
      `${SITE}feeds/calendar/2023.ics to ${SITE}feeds/calendar/2025.ics`,
    );
  });

  it('writes one calendar per year with every event that began in it, in order', () => {
    const calendars = renderCalendars({ records, siteUrl: SITE, size: 1 });
    expect([...calendars.keys()]).toEqual([
      '/feeds/calendar.ics',
      '/feeds/calendar/2023.ics',
      '/feeds/calendar/2024.ics',
      '/feeds/calendar/2025.ics',
    ]);
    const year = parsed(joinedText(calendars.get('/feeds/calendar/2024.ics')!));
    expect(year.uids).toEqual(['c', 'd'].map((id) => `${id}@briefing.example.org`));
    expect(year.name).toBe('Russia–DPRK engagements, 2024');
    expect(year.description).toBe(
      'Every recorded engagement between Russia and North Korea that began in 2024, as all-day events.',
    );
    // A year's calendar does not move with the rest of the data.
    const more = renderCalendars({
      records: [...records, on('f', '2026-05-05')],
      siteUrl: SITE,
      size: 1,
    });
    expect(joinedText(more.get('/feeds/calendar/2024.ics')!)).toBe(
      joinedText(calendars.get('/feeds/calendar/2024.ics')!),
    );
  });
});

describe('mostRecentEvents', () => {
  it('is the last events in order, reading only the latest years it needs', () => {
    fc.assert(
      fc.property(
        // Each year's events, the latest year first.
        fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (latestFirst, size) => {
          let read = 0;
          const recent = mostRecentEvents({
            years: (function* () {
              for (const events of latestFirst) {
                read += 1;
                yield events;
              }
            })(),
            size,
          });
          const all = [...latestFirst].reverse().flat();
          expect(recent).toEqual(all.slice(Math.max(0, all.length - size)));
          // No year after the one that completed it.
          let needed = 0;
          for (let count = 0; needed < latestFirst.length && count < size; needed += 1) {
            count += latestFirst[needed]!.length;
          }
          expect(read).toBe(needed);
        },
      ),
    );
  });
});

describe('compareEvents', () => {
  it('orders events as localeCompare would, by start date then id', () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,4}(?:-[a-z0-9]{1,4}){0,3}$/);
    const date = fc
      .date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
      .map((value) => value.toISOString().slice(0, 10));
    // Often the same day, so that the ids decide.
    const start = fc.oneof(date, fc.constantFrom('2024-01-09', '2024-01-10', '2024-10-01'));
    const event = fc.record({ start, id: slug });
    fc.assert(
      fc.property(event, event, (a, b) => {
        const expected = a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
        expect(Math.sign(compareEvents(a, b))).toBe(Math.sign(expected));
      }),
      { numRuns: 2000 },
    );
  });
});
