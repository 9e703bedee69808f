// Instant filtering on the server-rendered list page, with no framework in the browser: the
// form's state goes into the URL, and the server's page for that URL is fetched and its results
// swapped in. Without JavaScript the same form is a plain GET form. (The static build has no
// server to ask, so its list page filters with SvelteKit in the browser instead.)
import { formSearch, isYearBeingTyped, listPath, TYPING_DELAY_MS } from '../form-search.js';

const FORM = 'form.filters';
const RESULTS = 'section[aria-labelledby="results-heading"]';

const currentPath = () => `${location.pathname}${location.search}`;

let pending: AbortController | undefined;
let typing: ReturnType<typeof setTimeout> | undefined;
/** The path whose list is on screen. */
let shown = currentPath();

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (element === null) throw new Error(`the list page has no ${selector}`);
  return element;
}

/** Moves the new page's results in, keeping the live region so screen readers announce it. */
function swapResults(next: Document): void {
  const results = required(document, RESULTS);
  const nextResults = required(next, RESULTS);
  required(results, '[role="status"]').replaceChildren(
    ...required(nextResults, '[role="status"]').childNodes,
  );
  const heading = required(results, 'h2');
  while (heading.nextSibling !== null) heading.nextSibling.remove();
  const nextHeading = required(nextResults, 'h2');
  while (nextHeading.nextSibling !== null) results.append(nextHeading.nextSibling);
  required(document, '.to-results a').replaceChildren(
    ...required(next, '.to-results a').childNodes,
  );
  document.title = next.title;
}

/** The "(2 selected)" counts of the filter groups, leaving the controls as the reader set them. */
function swapGroupSummaries(next: Document): void {
  const summaries = document.querySelectorAll(`${FORM} summary`);
  const nextSummaries = next.querySelectorAll(`${FORM} summary`);
  summaries.forEach((summary, index) => {
    const nextSummary = nextSummaries[index];
    if (nextSummary !== undefined) summary.replaceChildren(...nextSummary.childNodes);
  });
}

/** After back or forward, the whole form comes from the server: it matches that URL. */
function swapForm(next: Document): void {
  const nextForm = required<HTMLFormElement>(next, FORM);
  nextForm.toggleAttribute('data-ready', true);
  required(document, FORM).replaceWith(nextForm);
}

/** Shows the server's list for a path; only the newest request is ever shown. */
async function show(path: string, { withForm }: { withForm: boolean }): Promise<void> {
  pending?.abort();
  const request = new AbortController();
  pending = request;
  try {
    const response = await fetch(path, {
      signal: request.signal,
      headers: { accept: 'text/html' },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (request.signal.aborted) return;
    swapResults(next);
    if (withForm) swapForm(next);
    else swapGroupSummaries(next);
  } catch {
    // A newer request took over; otherwise let the browser load the page in full.
    if (!request.signal.aborted) location.assign(path);
  }
}

function apply(): void {
  clearTimeout(typing);
  const path = listPath(formSearch(new FormData(required<HTMLFormElement>(document, FORM))));
  if (path === currentPath()) return;
  history.pushState(null, '', path);
  shown = path;
  void show(path, { withForm: false });
}

const inForm = (event: Event) =>
  event.target instanceof Element && event.target.closest(FORM) !== null;
const isTextSearch = (event: Event) =>
  event.target instanceof HTMLInputElement && event.target.name === 'q';
const isDateBeingTyped = (event: Event) =>
  event.target instanceof HTMLInputElement &&
  event.target.type === 'date' &&
  isYearBeingTyped(event.target.value);

// Listeners on the document, not the form: the form itself is replaced after back or forward.
document.addEventListener('change', (event) => {
  if (inForm(event) && !isTextSearch(event) && !isDateBeingTyped(event)) apply();
});
document.addEventListener('input', (event) => {
  if (!inForm(event) || !isTextSearch(event)) return;
  clearTimeout(typing);
  typing = setTimeout(apply, TYPING_DELAY_MS);
});
document.addEventListener('submit', (event) => {
  if (!inForm(event)) return;
  event.preventDefault();
  apply();
});
window.addEventListener('popstate', () => {
  // A jump to an anchor on the page is a history entry too, with the same list.
  if (currentPath() === shown) return;
  shown = currentPath();
  void show(shown, { withForm: true });
});
document.querySelector(FORM)?.toggleAttribute('data-ready', true);
