import { BRIEFING_TYPES, Status, THEMES } from '@briefing/schema';
import { getStore } from '#lib/server/store.ts';
import type { LayoutServerLoad } from './$types';

// The filter options do not depend on the URL, so SvelteKit loads them once per visit.
export const load: LayoutServerLoad = async () => {
  const { facets } = await getStore();
  return {
    options: {
      themes: THEMES.map(({ id, label }) => ({ id, label })),
      types: BRIEFING_TYPES.map(({ id, label }) => ({ id, label })),
      status: Status.options.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
      countries: facets.countries.map(({ code, name }) => ({ id: code, label: name })),
      actors: facets.actors.map((name) => ({ id: name, label: name })),
      places: facets.places.map((name) => ({ id: name, label: name })),
    },
  };
};
