import { exportFileName, cleanRecord } from '@briefing/present';
import type { Briefing } from '@briefing/schema';
import { snapshotCoverage } from './snapshot.js';
import { parseListParams } from '../list-params.js';
import { briefingsCsv } from './export.js';
import { searchQuery } from '@briefing/store';
import { INDEX_SORTS } from './list-from-index.js';
import { getLiveData } from './live-data.js';
import { streamExport } from './stream-export.js';

/**
 * The list's records for some URL parameters (every page at once), as CSV or JSON, streamed
 * from one data version of the index.
 */
export async function exportResponse({
  request,
  params,
  format,
}: {
  request: Request;
  params: URLSearchParams;
  format: 'csv' | 'json';
}): Promise<Response> {
  const { index, snapshot, siteUrl } = await getLiveData();
  const { query, sort, notes } = parseListParams({ params });
  const asked = { ...searchQuery(query), sort: INDEX_SORTS[sort] };
  // What the whole data set covers and when it last changed, so a saved export says how current it is.
  const current = await snapshot();
  const { dataVersion } = current;
  const coverage = snapshotCoverage(current);
  const cleaned = function* () {
    for (const record of index.iterate(asked)) yield cleanRecord(record);
  };
  return streamExport({
    request,
    dataVersion,
    query: `${format}?${params.toString()}`,
    headers: {
      'content-type':
        format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json',
      'content-disposition': `attachment; filename="${exportFileName({ coverage, extension: format })}"`,
    },
    parts:
      format === 'csv'
        ? () => briefingsCsv({ records: cleaned(), siteUrl })
        : () => jsonParts({ head: { coverage, query, ignored: notes }, records: cleaned() }),
  });
}

/** `{ …head, "records": […], "count": n }`, a record at a time. */
function* jsonParts({
  head,
  records,
}: {
  head: Record<string, unknown>;
  records: Iterable<Briefing>;
}): Generator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"records":[`;
  let count = 0;
  for (const record of records) {
    yield `${count === 0 ? '' : ','}${JSON.stringify(record)}`;
    count += 1;
  }
  yield `],"count":${count}}`;
}
