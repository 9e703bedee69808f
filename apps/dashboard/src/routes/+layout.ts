// `BRIEFING_ADAPTER=static` prerenders every page (and, through their routes, every feed file).
export const prerender = import.meta.env.BRIEFING_STATIC;
