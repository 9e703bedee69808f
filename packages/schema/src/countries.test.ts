import { describe, expect, it } from 'vitest';
import { countryName, countryNumericCode, isKnownCountry } from './countries.js';

describe('countryName', () => {
  it.each([
    ['RUS', 'Russia'],
    ['PRK', 'North Korea'],
    ['KOR', 'South Korea'],
    ['CHN', 'China'],
    ['USA', 'United States'],
    ['IRN', 'Iran'],
    ['BLR', 'Belarus'],
    ['MNG', 'Mongolia'],
    ['XXX', 'XXX'],
  ])('names %s %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});

describe('countryNumericCode', () => {
  it.each([
    ['RUS', '643'],
    ['PRK', '408'],
    ['CHN', '156'],
    ['XXX', undefined],
  ])('gives %s the numeric code %s', (code, numeric) => {
    expect(countryNumericCode(code)).toBe(numeric);
  });
});

describe('isKnownCountry', () => {
  it.each([
    ['PRK', true],
    ['XYZ', false],
  ])('knows whether %s is assigned', (code, known) => {
    expect(isKnownCountry(code)).toBe(known);
  });
});
