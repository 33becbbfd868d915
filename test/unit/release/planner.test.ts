import { describe, expect, it } from 'vitest';
import { campaignCopy } from '../../../shared/release/campaign.js';
import { DEFAULT_RELEASE_CONFIG, resolveConfig } from '../../../shared/release/config.js';
import { expectedSchedule, prelaunchCheck, preview, type PrelaunchFacts } from '../../../shared/release/planner.js';

const ready: PrelaunchFacts = {
  waiting: 500,
  missingTemplates: [],
  localesChecked: ['en', 'it'],
  productUrl: 'https://shop.example/p/scarpa',
  units: 3,
  sellable: 3,
  incomingByStart: 0,
  startAt: '2026-11-20T10:00:00.000Z',
  reachable: 200,
  sampled: 200,
  emailSenderConfigured: true,
  channels: ['email', 'sms'],
};

describe('pre-launch check', () => {
  it('passes when the waitlist, messages, stock and channels are ready', () => {
    expect(prelaunchCheck(ready)).toMatchObject({ ok: true });
  });

  it('names what is not ready', () => {
    const failed = (f: Partial<PrelaunchFacts>) => prelaunchCheck({ ...ready, ...f }).items.filter((i) => !i.ok).map((i) => i.id);
    expect(failed({ waiting: 0 })).toEqual(['waitlist_ready']);
    expect(failed({ missingTemplates: [{ template: 'back_in_stock', locale: 'de' }] })).toEqual(['messages_prepared']);
    expect(failed({ productUrl: undefined })).toEqual(['messages_prepared']);
    expect(failed({ productUrl: '/demo/?product=p' })).toEqual(['messages_prepared']); // a mail client cannot open it
    expect(failed({ units: 10, sellable: 3 })).toEqual(['stock_secured']);
    expect(failed({ reachable: 0 })).toEqual(['channels_aligned']);
    expect(failed({ emailSenderConfigured: false, channels: ['email'] })).toEqual(['channels_aligned']);
  });

  it('counts stock due by the start date as secured', () => {
    expect(prelaunchCheck({ ...ready, units: 10, sellable: 3, incomingByStart: 7 }).ok).toBe(true);
  });
});

describe('preview', () => {
  it('plans waves that never exceed the waitlist, and outcomes within the stock', () => {
    const p = preview(DEFAULT_RELEASE_CONFIG, 3, 500, 1);
    expect(p.waves.length).toBeGreaterThan(0);
    expect(p.waves[p.waves.length - 1]!.cumulative).toBeLessThanOrEqual(500);
    expect(p.expected.unitsSold24h).toBeLessThanOrEqual(3);
    expect(p.expected.disappointedShare).toBeLessThan(0.1);
    expect(p.runs).toBeGreaterThan(0);
  });

  it('opens at once when the waitlist is smaller than the stock can serve', () => {
    const s = expectedSchedule(resolveConfig({}), 50, 20);
    expect(s.waves[0]!.size).toBe(20);
    // At the first check after everyone was told.
    expect(s.publicOpensAtHours).toBeLessThanOrEqual(DEFAULT_RELEASE_CONFIG.checkMinutes / 60 + 1e-9);
  });
});

describe('campaign copy', () => {
  it('mentions the unit count only when it is small and real', () => {
    expect(campaignCopy({ locale: 'en', shopName: 'Bottega', productTitle: 'Scarpa', units: 3 }).email.preheader).toContain('Only 3');
    expect(campaignCopy({ locale: 'en', shopName: 'Bottega', productTitle: 'Scarpa', units: 300 }).email.text).not.toMatch(/300/);
    const it = campaignCopy({ locale: 'it-IT', shopName: 'Bottega', productTitle: 'Scarpa', discount: { percent: 10, code: 'TORNATO', validUntil: '2026-11-21T10:00:00Z' } });
    expect(it.locale).toBe('it');
    expect(it.sms).toContain('TORNATO');
    expect(it.social).toContain('10%');
  });
});
