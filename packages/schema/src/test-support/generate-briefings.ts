import type { Briefing } from '../briefing.js';
import { daysInMonth, pad } from '../calendar-date.js';
import { BRIEFING_TYPES, THEMES, type Status } from '../vocabulary.js';

const STATUSES: readonly Status[] = [
  'announced',
  'planned',
  'occurred',
  'postponed',
  'cancelled',
  'disputed',
];
const PEOPLE = [
  { name: 'Sergei Lavrov', country: 'RUS', office: 'Minister of Foreign Affairs' },
  { name: 'Choe Son Hui', country: 'PRK', office: 'Minister of Foreign Affairs' },
  { name: 'Kim Jong Un', country: 'PRK', office: 'General Secretary of the WPK' },
  { name: 'Vladimir Putin', country: 'RUS', office: 'President' },
  { name: 'Andrei Belousov', country: 'RUS', office: 'Minister of Defence' },
  { name: 'Alexander Kozlov', country: 'RUS', office: 'Minister of Natural Resources' },
  { name: 'Sergei Shoigu', country: 'RUS', office: 'Secretary of the Security Council' },
  { name: 'No Kwang Chol', country: 'PRK', office: 'Minister of National Defence' },
] as const;
const PLACES = [
  { name: 'Pyongyang', country: 'PRK', lat: 39.0392, lon: 125.7625 },
  { name: 'Moscow', country: 'RUS', lat: 55.7558, lon: 37.6173 },
  { name: 'Vostochny Cosmodrome, Amur Oblast', country: 'RUS', lat: 51.8844, lon: 128.3339 },
  { name: 'Vladivostok', country: 'RUS' },
  { name: 'Rason', country: 'PRK' },
] as const;
const ROLES = ['visitor', 'host', 'signatory', 'speaker', 'participant'] as const;
const WORDS = [
  'talks',
  'visit',
  'delegation',
  'cooperation',
  'treaty',
  'exchange',
  'commission',
  'bridge',
  'railway',
  'culture',
];

/** A deterministic pseudo-random generator (mulberry32), so the same seed gives the same records. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` synthetic, valid and mutually consistent records (unique ids, related ids that
 * exist), the same for the same seed: for benchmarks and tests of any package.
 */
export function generateBriefings({
  count,
  seed = 1,
}: {
  count: number;
  seed?: number;
}): Briefing[] {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const records: Briefing[] = [];
  for (let index = 0; index < count; index += 1) {
    const year = 2000 + int(30);
    const month = 1 + int(12);
    const day = 1 + int(daysInMonth(year, month));
    const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    const precisionRoll = next();
    const date: Briefing['date'] =
      precisionRoll < 0.8
        ? {
            start: iso(year, month, day),
            ...(next() < 0.4
              ? { end: iso(year, month, Math.min(day + 1 + int(3), daysInMonth(year, month))) }
              : {}),
            precision: 'day',
          }
        : precisionRoll < 0.95
          ? { start: iso(year, month, 1), precision: 'month' }
          : { start: iso(year, 1, 1), precision: 'year' };
    const theme = THEMES[index % THEMES.length]!.id;
    const otherTheme = pick(THEMES).id;
    const people = [pick(PEOPLE), pick(PEOPLE)].filter(
      (person, i, all) => all.findIndex((other) => other.name === person.name) === i,
    );
    const words = Array.from({ length: 4 + int(6) }, () => pick(WORDS));
    const id = `synthetic-${pad(index, 6)}-${words[0]}`;
    const created = iso(2030, 1 + int(12), 1 + int(28));
    records.push({
      id,
      title: `Synthetic ${words.slice(0, 3).join(' ')} ${index}`,
      summary: `A generated record about ${words.join(' ')}, used to measure and test the loader.`,
      type: pick(BRIEFING_TYPES).id,
      status: pick(STATUSES),
      date,
      themes: otherTheme === theme ? [theme] : [theme, otherTheme],
      actors: people.map((person) => ({ ...person, role: pick(ROLES) })),
      places: next() < 0.2 ? [] : [{ ...pick(PLACES) }],
      sources: [
        {
          publisher: pick(['TASS', 'KCNA', 'Reuters', 'Kremlin']),
          title: `Report ${index}`,
          url: `https://example.org/reports/${index}`,
          published: date.start,
          language: pick(['en', 'ru', 'ko']),
        },
      ],
      confidence: { level: pick(['high', 'medium', 'low'] as const) },
      ...(index > 0 && next() < 0.3
        ? {
            related: [
              { id: records[int(index)]!.id, relation: pick(['part-of', 'follows'] as const) },
            ],
          }
        : {}),
      revision: { created, updated: created, changes: [{ date: created, note: 'Generated.' }] },
    });
  }
  return records;
}
