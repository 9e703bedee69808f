import { placePage } from '#lib/server/entity-page.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getStore } from '#lib/server/store.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () =>
  entityIndex(await getStore()).places.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = async ({ params }) =>
  placePage({ store: await getStore(), slug: params.slug });
