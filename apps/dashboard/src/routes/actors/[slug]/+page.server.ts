import { actorPage } from '#lib/server/entity-page.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getStore } from '#lib/server/store.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () =>
  entityIndex(await getStore()).actors.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = async ({ params }) =>
  actorPage({ store: await getStore(), slug: params.slug });
