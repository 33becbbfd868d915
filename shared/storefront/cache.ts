/** Cache-Control of storefront answers (declared per route; the edge adds an ETag and 304s). */
export const CACHE = {
  /** Stock moves: a short shared cache, served stale briefly while revalidating. */
  availability: 'public, max-age=15, s-maxage=30, stale-while-revalidate=60',
  alternatives: 'public, max-age=60, s-maxage=60, stale-while-revalidate=120',
  config: 'public, max-age=300, s-maxage=300',
  personal: 'private, max-age=60',
  none: 'no-store',
} as const;
