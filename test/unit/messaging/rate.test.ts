import { describe, expect, it } from 'vitest';
import { classify, formatFrom } from '../../../shared/messaging/channels.js';
import { backoffMs, TokenBucket } from '../../../shared/messaging/rate.js';

/** A bucket on a fake clock: sleeping advances time, so the schedule is exact and instant. */
function fakeBucket(rate: number, burst: number) {
  let now = 0;
  const bucket = new TokenBucket(rate, burst, () => now, async (ms) => {
    now += ms;
  });
  return { bucket, now: () => now };
}

describe('token bucket', () => {
  it('spaces takes 1/rate apart after the burst', async () => {
    const { bucket, now } = fakeBucket(200, 1);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await bucket.take();
      times.push(now());
    }
    expect(times).toEqual([0, 5, 10, 15, 20]);
  });

  it('never lets more than burst + rate·t through in any window (sequential callers)', async () => {
    const { bucket, now } = fakeBucket(100, 5);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      await bucket.take();
      times.push(now());
    }
    for (let i = 0; i < times.length; i++) {
      const inSecond = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(100 + 5);
    }
    // And it uses the rate fully: 300 takes at 100/s take about 3 s, minus the burst.
    expect(now()).toBeGreaterThanOrEqual(2940);
    expect(now()).toBeLessThanOrEqual(3000);
  });

  it('a stalled event loop does not release a backlog: any second still sees at most burst + rate', async () => {
    let now = 0;
    let sleeps = 0;
    // Every 7th sleep oversleeps by 300 ms, as a busy event loop does.
    const bucket = new TokenBucket(200, 10, () => now, async (ms) => {
      now += ms + (++sleeps % 7 === 0 ? 300 : 0);
    });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 1000 }, () => bucket.take().then(() => times.push(now))));
    times.sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) {
      const inSecond = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(200 + 10);
    }
  });

  it('pushes later slots back after a throttle', async () => {
    const { bucket, now } = fakeBucket(10, 1);
    await bucket.take();
    bucket.penalise(500);
    await bucket.take();
    expect(now()).toBeGreaterThanOrEqual(500);
  });

  it('slows its pace after a throttle and recovers it as tokens are granted', async () => {
    const { bucket } = fakeBucket(100, 1);
    bucket.penalise(10);
    bucket.penalise(10);
    expect(bucket.currentRate).toBeCloseTo(81, 5);
    for (let i = 0; i < 2000; i++) await bucket.take();
    expect(bucket.currentRate).toBeGreaterThan(99);
    for (let i = 0; i < 20; i++) bucket.penalise(1);
    expect(bucket.currentRate).toBe(50);
  });

  it('is a no-op when unlimited', async () => {
    const { bucket, now } = fakeBucket(0, 1);
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(now()).toBe(0);
    expect(bucket.unlimited).toBe(true);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffMs(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffMs(20, 100, 10_000, () => 1)).toBe(10_000);
  });
});

describe('provider errors', () => {
  it('tell throttling, permanent refusals and unknown fates apart', () => {
    expect(classify(Object.assign(new Error('slow down'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } })).failure).toBe('throttled');
    expect(classify(Object.assign(new Error('x'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } })).failure).toBe('throttled');
    expect(classify(Object.assign(new Error('bad'), { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } })).failure).toBe('permanent');
    expect(classify(Object.assign(new Error('paused'), { name: 'SendingPausedException' })).failure).toBe('unavailable');
    // A timeout or a 5xx may have reached SES: never retried blindly.
    expect(classify(Object.assign(new Error('timeout'), { name: 'TimeoutError' })).failure).toBe('unknown');
    expect(classify(Object.assign(new Error('oops'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })).failure).toBe('unknown');
    expect(classify(Object.assign(new Error('reset'), { code: 'ECONNRESET' })).failure).toBe('unknown');
    // Refused before anything was sent: safe to retry.
    expect(classify(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).failure).toBe('throttled');
  });

  it('formats From with the shop name, encoding non-ASCII names', () => {
    expect(formatFrom('no-reply@x.example', 'Bottega Demo')).toBe('"Bottega Demo" <no-reply@x.example>');
    expect(formatFrom('no-reply@x.example', 'Caffè "Roma"')).toBe(`=?UTF-8?B?${Buffer.from('Caffè Roma').toString('base64')}?= <no-reply@x.example>`);
  });
});
