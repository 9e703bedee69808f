import { placePage } from '#lib/server/entity-page.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () =>
  entityIndex(await getSnapshot()).places.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = async ({ params }) =>
  placePage({ snapshot: await getSnapshot(), slug: params.slug });
