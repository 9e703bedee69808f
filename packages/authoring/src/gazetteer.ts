import { readFileSync } from 'node:fs';
import { BriefingType, CountryCode, ThemeId } from '@briefing/schema';
import { z } from 'zod';

const Variants = z.array(z.string().min(1)).default([]);

/** A person or body in `data/people.json`. */
export const PersonEntry = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['person', 'body']),
  country: CountryCode,
  /** The office held now; `offices` gives earlier ones by date. */
  office: z.string().min(1).optional(),
  offices: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      }),
    )
    .optional(),
  /** A head of state or party leader: a meeting of two leaders is a summit. */
  leader: z.boolean().optional(),
  /** The part of the name used in record ids; defaults to the surname. */
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  variants: Variants,
});
export type PersonEntry = z.infer<typeof PersonEntry>;

/** A city, region or site in `data/places.json`. */
export const PlaceEntry = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['city', 'region', 'site']),
  country: CountryCode,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** The name of the place that contains this one: mentioning both keeps only this one. */
  within: z.string().min(1).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  variants: Variants,
});
export type PlaceEntry = z.infer<typeof PlaceEntry>;

export const ThemeLexicon = z.record(ThemeId, z.array(z.string().min(1)));
export type ThemeLexicon = z.infer<typeof ThemeLexicon>;

export const TriggerEntry = z.strictObject({
  type: BriefingType,
  terms: z.array(z.string().min(1)).min(1),
});
export type TriggerEntry = z.infer<typeof TriggerEntry>;

export interface Gazetteers {
  people: PersonEntry[];
  places: PlaceEntry[];
  themes: ThemeLexicon;
  /** In priority order: the first entry that matches a sentence gives its type. */
  triggers: TriggerEntry[];
}

function readData<T>(file: string, schema: z.ZodType<T>): T {
  // data/ sits beside src/ and dist/, so the same relative URL works from either.
  const url = new URL(`../data/${file}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    throw new Error(`data/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: Gazetteers | undefined;

/** The gazetteers and lexicons shipped in `data/`, read and checked once. */
export function defaultGazetteers(): Gazetteers {
  cached ??= {
    people: readData('people.json', z.array(PersonEntry)),
    places: readData('places.json', z.array(PlaceEntry)),
    themes: readData('theme-lexicon.json', ThemeLexicon),
    triggers: readData('triggers.json', z.array(TriggerEntry)),
  };
  return cached;
}

/** The office a person held on a date: the dated entry that covers it, else the current office. */
export function officeOn({
  person,
  date,
}: {
  person: PersonEntry;
  date: string;
}): string | undefined {
  const held = person.offices?.find(
    (office) =>
      (office.from === undefined || office.from <= date) &&
      (office.to === undefined || date <= office.to),
  );
  return held?.title ?? person.office;
}
