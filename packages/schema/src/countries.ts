// The library without its Node entry, which loads all of its ~80 languages (~30 ms at every
// start of every process); only English names are shown.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

// The list's official names are long ("Russian Federation", "People's Republic of China");
// readers expect the short names newsrooms use.
const SHORT_NAMES: Readonly<Record<string, string>> = {
  RUS: 'Russia',
  PRK: 'North Korea',
  KOR: 'South Korea',
  CHN: 'China',
  USA: 'United States',
  GBR: 'United Kingdom',
  IRN: 'Iran',
  SYR: 'Syria',
  LAO: 'Laos',
  VEN: 'Venezuela',
  BOL: 'Bolivia',
  TZA: 'Tanzania',
  MDA: 'Moldova',
  TWN: 'Taiwan',
};

/** The English short name of an ISO 3166-1 alpha-3 code ("PRK" → "North Korea"); the code itself if unknown. */
export function countryName(code: string): string {
  const short = SHORT_NAMES[code];
  if (short !== undefined) return short;
  const alpha2 = countries.alpha3ToAlpha2(code);
  return (alpha2 === undefined ? undefined : countries.getName(alpha2, 'en')) ?? code;
}

/** The ISO 3166-1 numeric code ("PRK" → "408"), as world-atlas topojson ids use; undefined if unknown. */
export function countryNumericCode(code: string): string | undefined {
  return countries.alpha3ToNumeric(code);
}

/** Every assigned ISO 3166-1 alpha-3 code, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha3Codes()).sort();

/** Whether a code is an assigned ISO 3166-1 alpha-3 code. */
export function isKnownCountry(code: string): boolean {
  return countries.isValid(code);
}
