/**
 * Headers for every response of the dashboard: pages, exports, feeds, and the static files
 * (/_app/…, the icon) that the server sends without SvelteKit's hooks. The pages'
 * Content-Security-Policy comes from `kit.csp` (apps/dashboard/kit-options.ts), which hashes
 * SvelteKit's own inline script; everything else gets NON_HTML_CSP.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** The policy of every response that is not a page: nothing in it may run or load. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
