import type { ClientInit } from '@sveltejs/kit';

// Give the browser a turn between evaluating the app's modules and hydrating the page: two
// shorter tasks instead of one long one keep a slow phone responsive while the page starts.
export const init: ClientInit = () => new Promise((resolve) => setTimeout(resolve, 0));
