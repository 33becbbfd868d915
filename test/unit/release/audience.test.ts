import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderAudience, pagesOf, placeLateMember, placeMember, tierRank, type AudienceCandidate } from '../../../shared/release/audience.js';

const tiers = ['vip', 'loyalty'];
const candidate: fc.Arbitrary<AudienceCandidate> = fc.record({
  entryId: fc.stringMatching(/^wl_[a-z0-9]{1,12}$/),
  joinedAt: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }).map((ms) => new Date(ms).toISOString()),
  tier: fc.option(fc.constantFrom('vip', 'loyalty', 'gold', 'VIP'), { nil: undefined }),
  allocation: fc.option(fc.boolean(), { nil: undefined }),
});
const rankOf = (c: AudienceCandidate) => [c.allocation ? 0 : tierRank(c.tier, tiers) !== undefined ? 1 : 2, tierRank(c.tier, tiers) ?? 0] as const;

describe('audience order', () => {
  it('allocations, then tiers in the merchant order, then the waitlist in join order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.entryId, maxLength: 60 }), (cs) => {
        const ordered = orderAudience(cs, tiers);
        for (let i = 1; i < ordered.length; i++) {
          const a = ordered[i - 1]!;
          const b = ordered[i]!;
          const [sa, ta] = rankOf(a);
          const [sb, tb] = rankOf(b);
          expect(sa).toBeLessThanOrEqual(sb);
          if (sa === sb && sa === 1) expect(ta).toBeLessThanOrEqual(tb);
          if (sa === sb && (sa !== 1 || ta === tb)) expect(Date.parse(a.joinedAt)).toBeLessThanOrEqual(Date.parse(b.joinedAt));
        }
      }),
    );
  });

  it('tiers compare case-insensitively and unknown tiers follow the listed ones', () => {
    expect(tierRank('VIP', tiers)).toBe(0);
    expect(tierRank('gold', tiers)).toBe(2);
    expect(tierRank(undefined, tiers)).toBeUndefined();
  });

  it('late joiners sort after everyone already in the audience, in their own order', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.array(candidate, { minLength: 1, maxLength: 30 }), (before, late) => {
        const maxInitial = before.map((c) => placeMember(c, tiers).key).sort().pop() ?? '';
        const lateKeys = late.map((c, i) => placeLateMember(c, i).key);
        for (const k of lateKeys) expect(k > maxInitial).toBe(true);
        expect([...lateKeys].sort()).toEqual(lateKeys);
      }),
    );
  });
});

describe('pages', () => {
  it('cover the keys exactly, contiguous, in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 500 }), fc.integer({ min: 1, max: 120 }), (raw, size) => {
        const keys = [...raw].sort();
        const pages = pagesOf(keys, size);
        expect(pages.reduce((s, p) => s + p.count, 0)).toBe(keys.length);
        const covered = pages.flatMap((p) => keys.filter((k) => k >= p.from && k <= p.through));
        expect(covered).toEqual(keys);
        for (const p of pages) expect(p.count).toBeLessThanOrEqual(size);
      }),
    );
  });
});
