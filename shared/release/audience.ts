/**
 * The order in which a release reaches people. Segments go first to last: units owed to
 * preorders and backorders (a later issue fills this slot), then VIP / loyalty tiers in the
 * merchant's tier order, then the waitlist in join order; people who join while the release
 * runs go after everyone who was there before. The public is not a list: it is the
 * product opening to everyone.
 *
 * Each member gets a sort key that encodes this order, so the release stores its audience
 * as items sorted by key and walks it with a cursor (the last key sent). The keys compare as
 * plain strings, which is how DynamoDB sorts them.
 */
export const SEGMENTS = { allocation: 0, tier: 1, waitlist: 2, late: 3 } as const;
export type Segment = keyof typeof SEGMENTS;

export interface AudienceCandidate {
  entryId: string;
  /** ISO timestamp the person joined the waitlist. */
  joinedAt: string;
  tier?: string;
  /** Owed a unit (preorder/backorder allocation). */
  allocation?: boolean;
}

export interface AudienceMember extends AudienceCandidate {
  segment: Segment;
  tierRank?: number;
  key: string;
}

const RANK_WIDTH = 2;
const SEQ_WIDTH = 10;

/** A tier's rank in the merchant's order; tiers not listed follow the listed ones. */
export function tierRank(tier: string | undefined, order: readonly string[]): number | undefined {
  if (!tier) return undefined;
  const i = order.findIndex((t) => t.toLowerCase() === tier.toLowerCase());
  return i >= 0 ? i : order.length;
}

/** Normalises a timestamp so lexical order is time order (fixed-width UTC ISO). */
export function isoKey(joinedAt: string): string {
  const ms = Date.parse(joinedAt);
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${joinedAt}`);
  return new Date(ms).toISOString();
}

/** Where a candidate goes when the audience is first built. */
export function placeMember(c: AudienceCandidate, tiers: readonly string[]): AudienceMember {
  const rank = tierRank(c.tier, tiers);
  const segment: Segment = c.allocation ? 'allocation' : rank !== undefined ? 'tier' : 'waitlist';
  const rankPart = String(segment === 'tier' ? rank : 0).padStart(RANK_WIDTH, '0');
  return { ...c, segment, tierRank: segment === 'tier' ? rank : undefined, key: `${SEGMENTS[segment]}#${rankPart}#${isoKey(c.joinedAt)}#${c.entryId}` };
}

/**
 * Someone who joined after the release started: after everyone already in the audience,
 * whatever their tier, so the cursor (which only moves forward) can never have passed them.
 * `seq` is the release's own counter of late members, so late keys increase strictly.
 */
export function placeLateMember(c: AudienceCandidate, seq: number): AudienceMember {
  return { ...c, segment: 'late', key: `${SEGMENTS.late}#${String(seq).padStart(SEQ_WIDTH, '0')}#${c.entryId}` };
}

/** The audience in release order (what the stored keys give when read in order). */
export function orderAudience(candidates: readonly AudienceCandidate[], tiers: readonly string[]): AudienceMember[] {
  return candidates.map((c) => placeMember(c, tiers)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface Page {
  /** First key of the page (inclusive). */
  from: string;
  /** Last key of the page (inclusive). */
  through: string;
  count: number;
}

/**
 * Cuts consecutive audience keys into pages a Map state sends in parallel. Pages cover the
 * keys exactly: contiguous, no gaps, no overlaps — and since keys added later are always
 * greater than every existing key, nobody can later appear between two pages.
 */
export function pagesOf(keys: readonly string[], pageSize: number): Page[] {
  if (pageSize < 1) throw new Error('pageSize must be positive');
  const pages: Page[] = [];
  for (let i = 0; i < keys.length; i += pageSize) {
    const chunk = keys.slice(i, i + pageSize);
    pages.push({ from: chunk[0]!, through: chunk[chunk.length - 1]!, count: chunk.length });
  }
  return pages;
}
