import { BRIEFING_TYPES, countryName, Status, THEMES } from '@briefing/schema';
import { getLiveData } from '#lib/server/live-data.ts';
import type { LayoutServerLoad } from './$types';

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);

// The filter options do not depend on the URL, so SvelteKit loads them once per visit.
export const load: LayoutServerLoad = async () => {
  const { index } = await getLiveData();
  // Every value some record has (uncounted: the options show no counts).
  const facets = index.facetValues();
  const names = (values: readonly string[]) =>
    values.map((value) => ({ id: value, label: value })).sort(byLabel);
  return {
    options: {
      themes: THEMES.map(({ id, label }) => ({ id, label })),
      types: BRIEFING_TYPES.map(({ id, label }) => ({ id, label })),
      status: Status.options.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
      countries: facets.countries
        .map((value) => ({ id: value, label: countryName(value) }))
        .sort(byLabel),
      actors: names(facets.actors),
      places: names(facets.places),
    },
  };
};
