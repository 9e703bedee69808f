// The list's URLs are the presentation package's (one home for every URL); this browser-light
// module names what the list page's JavaScript uses of them, without the schema's code.
export {
  COUNT_UNITS,
  DEFAULT_COUNT,
  DEFAULT_SORT,
  LIST_FIELDS,
  PAGE_SIZE,
  PARAM_NAMES,
  SORTS,
  listHref,
  listSearchParams,
  type ListField,
  type SortId,
} from '@briefing/present/urls';
