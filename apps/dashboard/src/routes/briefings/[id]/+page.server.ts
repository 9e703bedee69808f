import { formatDateRange, formatIsoDate } from '@briefing/schema';
import {
  archivedCopyUrl,
  cleanRecord,
  confidenceLabel,
  countryName,
  feedLinks,
  recordPath,
  relationLabel,
  roleLabel,
  statusLabel,
  themeLabel,
  themePath,
  typeLabel,
} from '@briefing/present';
import { error } from '@sveltejs/kit';
import { documentPath, isServedDocument } from '#lib/server/documents.ts';
import { getLiveData, getSnapshot } from '#lib/server/live-data.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// For static builds: every record, not only those the list's first page links to.
export const entries: EntryGenerator = async () =>
  (await getSnapshot()).records.map((record) => ({ id: record.id }));

export const load: PageServerLoad = async ({ params }) => {
  const { index } = await getLiveData();
  // The record and those it relates to, from one data version.
  const { found, links, engagement } = index.read(() => ({
    found: index.get(params.id),
    links: index.related(params.id),
    engagement: index.engagement(params.id),
  }));
  const record = found === undefined ? undefined : cleanRecord(found);
  if (record === undefined)
    error(404, { message: `No briefing has the id "${params.id.slice(0, 100)}".` });
  const formatOptional = (iso: string | undefined) =>
    iso === undefined ? undefined : formatIsoDate(iso);
  return {
    record: {
      id: record.id,
      title: record.title,
      summary: record.summary,
      type: typeLabel(record.type),
      status: statusLabel(record.status),
      date: formatDateRange(record.date),
      datePrecision: record.date.precision,
      dateNote: record.date.note,
      announcedOn: formatOptional(record.announcedOn),
      themes: record.themes.map((id) => ({
        id,
        label: themeLabel(id),
        href: themePath({ id }),
        feeds: feedLinks({ scope: { kind: 'theme', id } }),
      })),
      actors: record.actors.map((actor) => ({
        ...actor,
        role: roleLabel(actor.role),
        countryName: countryName(actor.country),
      })),
      places: record.places.map((place) => ({ ...place, countryName: countryName(place.country) })),
      sources: record.sources.map((source) => ({
        ...source,
        documentHref:
          source.document === undefined || !isServedDocument(source.document)
            ? undefined
            : documentPath(source.document),
        // Only web pages have archived copies; the page's own link stays the one cited.
        archivedHref: /^https?:\/\//.test(source.url ?? '')
          ? archivedCopyUrl({
              url: source.url!,
              ...(source.published === undefined ? {} : { published: source.published }),
            })
          : undefined,
        published: formatOptional(source.published),
        accessed: formatOptional(source.accessed),
      })),
      confidence: { ...record.confidence, level: confidenceLabel(record.confidence.level) },
      statusHistory: (record.statusHistory ?? []).map((step) => ({
        ...step,
        status: statusLabel(step.status),
        date: formatIsoDate(step.date),
      })),
      revision: {
        created: formatIsoDate(record.revision.created),
        updated: formatIsoDate(record.revision.updated),
        changes: record.revision.changes.map((change) => ({
          ...change,
          date: formatIsoDate(change.date),
        })),
      },
    },
    // The engagement this record is counted in, when it holds other records.
    engagement:
      engagement === undefined || engagement.members.length < 2
        ? undefined
        : {
            members: engagement.members.map(cleanRecord).map((member) => ({
              id: member.id,
              title: member.title,
              date: formatDateRange(member.date),
              href: recordPath({ id: member.id }),
              current: member.id === record.id,
              root: member.id === engagement.id,
            })),
          },
    related: [
      ...links.outgoing.map((link) => ({ ...link, direction: 'outgoing' as const })),
      ...links.incoming.map((link) => ({ ...link, direction: 'incoming' as const })),
    ].map((link) => {
      const other = link.record === undefined ? undefined : cleanRecord(link.record);
      return {
        id: link.id,
        label: relationLabel(link.relation, link.direction),
        href: recordPath({ id: link.id }),
        title: other?.title ?? link.id,
        date: other === undefined ? '' : formatDateRange(other.date),
      };
    }),
  };
};
