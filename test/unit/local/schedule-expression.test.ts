import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  type CronSchedule,
  InvalidScheduleExpressionError,
  parseScheduleExpression,
} from '../../../local/scheduler/schedule-expression.js';

// Examples come from the AWS EventBridge user guide, "Schedule expressions for rules" /
// "Cron expressions reference" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html)
// and "Rate expressions" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html).

const utc = (iso: string) => new Date(`${iso}Z`);
const iso = (d: Date | null) => (d === null ? null : d.toISOString().replace('.000Z', ''));

/** The first `count` fire times after `from`. */
function fires(expr: string, from: string, count: number): (string | null)[] {
  const schedule = parseScheduleExpression(expr);
  const out: (string | null)[] = [];
  let t: Date | null = utc(from);
  for (let i = 0; i < count && t !== null; i++) {
    t = schedule.next(t);
    out.push(iso(t));
  }
  return out;
}

// 2024-03-01 is a Friday.
describe('cron: documented examples', () => {
  it('cron(0 10 * * ? *) runs at 10:00 every day', () => {
    expect(fires('cron(0 10 * * ? *)', '2024-03-01T12:34:56', 2)).toEqual(['2024-03-02T10:00:00', '2024-03-03T10:00:00']);
    expect(fires('cron(0 10 * * ? *)', '2024-03-01T09:59:59', 1)).toEqual(['2024-03-01T10:00:00']);
  });

  it('cron(15 12 * * ? *) runs at 12:15 every day', () => {
    expect(fires('cron(15 12 * * ? *)', '2024-03-01T12:00:00', 2)).toEqual(['2024-03-01T12:15:00', '2024-03-02T12:15:00']);
  });

  it('cron(0 18 ? * MON-FRI *) runs at 18:00 Monday to Friday', () => {
    expect(fires('cron(0 18 ? * MON-FRI *)', '2024-03-01T12:00:00', 3)).toEqual([
      '2024-03-01T18:00:00', // Fri
      '2024-03-04T18:00:00', // Mon (weekend skipped)
      '2024-03-05T18:00:00',
    ]);
  });

  it('cron(0 8 1 * ? *) runs at 08:00 on the 1st of every month', () => {
    expect(fires('cron(0 8 1 * ? *)', '2024-03-01T12:00:00', 2)).toEqual(['2024-04-01T08:00:00', '2024-05-01T08:00:00']);
    expect(fires('cron(0 8 1 * ? *)', '2024-12-15T00:00:00', 1)).toEqual(['2025-01-01T08:00:00']);
  });

  it('cron(0/15 * * * ? *) runs every 15 minutes', () => {
    expect(fires('cron(0/15 * * * ? *)', '2024-03-01T12:34:56', 3)).toEqual([
      '2024-03-01T12:45:00',
      '2024-03-01T13:00:00',
      '2024-03-01T13:15:00',
    ]);
  });

  it('cron(0/10 * ? * MON-FRI *) runs every 10 minutes on weekdays', () => {
    expect(fires('cron(0/10 * ? * MON-FRI *)', '2024-03-01T23:45:00', 2)).toEqual([
      '2024-03-01T23:50:00',
      '2024-03-04T00:00:00',
    ]);
  });

  it('cron(0/5 8-17 ? * MON-FRI *) runs every 5 minutes 08:00-17:55 on weekdays', () => {
    expect(fires('cron(0/5 8-17 ? * MON-FRI *)', '2024-03-01T17:50:00', 2)).toEqual([
      '2024-03-01T17:55:00',
      '2024-03-04T08:00:00',
    ]);
  });

  it('cron(0 9 ? * 2#1 *) runs at 09:00 on the first Monday of each month', () => {
    expect(fires('cron(0 9 ? * 2#1 *)', '2024-03-01T00:00:00', 3)).toEqual([
      '2024-03-04T09:00:00',
      '2024-04-01T09:00:00',
      '2024-05-06T09:00:00',
    ]);
  });

  it('cron(0 0 L * ? *) runs at midnight on the last day of each month', () => {
    expect(fires('cron(0 0 L * ? *)', '2024-01-31T00:00:00', 3)).toEqual([
      '2024-02-29T00:00:00', // leap year
      '2024-03-31T00:00:00',
      '2024-04-30T00:00:00',
    ]);
    expect(fires('cron(0 0 L * ? *)', '2023-02-01T00:00:00', 1)).toEqual(['2023-02-28T00:00:00']);
  });

  it('cron(5,35 14 * * ? *) runs at 14:05 and 14:35', () => {
    expect(fires('cron(5,35 14 * * ? *)', '2024-03-01T00:00:00', 3)).toEqual([
      '2024-03-01T14:05:00',
      '2024-03-01T14:35:00',
      '2024-03-02T14:05:00',
    ]);
  });

  it('cron(15 10 ? * 6L 2019-2022) runs on the last Friday of each month in 2019-2022', () => {
    expect(fires('cron(15 10 ? * 6L 2019-2022)', '2018-12-31T00:00:00', 2)).toEqual([
      '2019-01-25T10:15:00',
      '2019-02-22T10:15:00',
    ]);
    expect(fires('cron(15 10 ? * 6L 2019-2022)', '2022-12-30T10:15:00', 1)).toEqual([null]);
  });

  it('cron(0/30 20-2 ? * MON-FRI *) wraps the hour range past midnight', () => {
    expect(fires('cron(0/30 20-2 ? * MON-FRI *)', '2024-03-01T23:00:00', 2)).toEqual([
      '2024-03-01T23:30:00',
      // Saturday 00:00-02:30 is not MON-FRI, so the next fire is Monday's early hours.
      '2024-03-04T00:00:00',
    ]);
    expect(fires('cron(0/30 20-2 ? * MON-FRI *)', '2024-03-04T02:00:00', 2)).toEqual([
      '2024-03-04T02:30:00',
      '2024-03-04T20:00:00',
    ]);
  });

  it('1/10 in minutes means the 1st, 11th, 21st … minute (documented "/" wildcard)', () => {
    expect(fires('cron(1/10 * * * ? *)', '2024-03-01T12:00:00', 3)).toEqual([
      '2024-03-01T12:01:00',
      '2024-03-01T12:11:00',
      '2024-03-01T12:21:00',
    ]);
  });

  it('3#2 is the second Tuesday of the month (documented "#" wildcard)', () => {
    expect(fires('cron(0 0 ? * 3#2 *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-12T00:00:00']);
  });
});

describe('cron: other field forms', () => {
  it('nW picks the nearest weekday without leaving the month', () => {
    // 2024-06-15 is a Saturday -> Friday the 14th.
    expect(fires('cron(0 0 15W * ? *)', '2024-06-01T00:00:00', 1)).toEqual(['2024-06-14T00:00:00']);
    // 2024-06-01 is a Saturday -> Monday the 3rd (not May 31st).
    expect(fires('cron(0 0 1W * ? *)', '2024-05-31T00:00:00', 1)).toEqual(['2024-06-03T00:00:00']);
    // 2024-03-31 is a Sunday -> Friday the 29th (not April 1st).
    expect(fires('cron(0 0 31W * ? *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-29T00:00:00']);
    // 2024-09-15 is a Sunday -> Monday the 16th.
    expect(fires('cron(0 0 15W * ? *)', '2024-09-01T00:00:00', 1)).toEqual(['2024-09-16T00:00:00']);
    // A weekday stays put.
    expect(fires('cron(0 0 15W * ? *)', '2024-05-01T00:00:00', 1)).toEqual(['2024-05-15T00:00:00']);
  });

  it('31W skips months without a 31st', () => {
    expect(fires('cron(0 0 31W * ? *)', '2024-04-01T00:00:00', 1)).toEqual(['2024-05-31T00:00:00']);
  });

  it('L alone in day-of-week is Saturday (last day of the week)', () => {
    expect(fires('cron(0 0 ? * L *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-02T00:00:00']);
  });

  it('SUN is 1 and SAT is 7', () => {
    expect(fires('cron(0 0 ? * 1 *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-03T00:00:00']);
    expect(fires('cron(0 0 ? * SUN *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-03T00:00:00']);
    expect(fires('cron(0 0 ? * 7 *)', '2024-03-01T00:00:00', 1)).toEqual(['2024-03-02T00:00:00']);
  });

  it('accepts month names, lists and wrapping ranges', () => {
    expect(fires('cron(0 0 1 JAN,JUL ? *)', '2024-03-01T00:00:00', 2)).toEqual(['2024-07-01T00:00:00', '2025-01-01T00:00:00']);
    expect(fires('cron(0 0 1 NOV-FEB ? *)', '2024-03-01T00:00:00', 4)).toEqual([
      '2024-11-01T00:00:00',
      '2024-12-01T00:00:00',
      '2025-01-01T00:00:00',
      '2025-02-01T00:00:00',
    ]);
    expect(fires('cron(0 0 ? * FRI-MON *)', '2024-03-01T00:00:00', 4)).toEqual([
      '2024-03-02T00:00:00',
      '2024-03-03T00:00:00',
      '2024-03-04T00:00:00',
      '2024-03-08T00:00:00',
    ]);
  });

  it('accepts names in any case', () => {
    expect(fires('cron(0 18 ? * mon-fri *)', '2024-03-01T19:00:00', 1)).toEqual(['2024-03-04T18:00:00']);
  });

  it('supports ranges with increments and years', () => {
    expect(fires('cron(10-30/10 0 * * ? *)', '2024-03-01T00:00:00', 4)).toEqual([
      '2024-03-01T00:10:00',
      '2024-03-01T00:20:00',
      '2024-03-01T00:30:00',
      '2024-03-02T00:10:00',
    ]);
    expect(fires('cron(0 0 1 1 ? 2030)', '2024-03-01T00:00:00', 2)).toEqual(['2030-01-01T00:00:00', null]);
    expect(fires('cron(0 0 1 1 ? 2025/5)', '2024-03-01T00:00:00', 2)).toEqual(['2025-01-01T00:00:00', '2030-01-01T00:00:00']);
  });

  it('returns null for a schedule that can never fire', () => {
    expect(fires('cron(0 0 30 2 ? *)', '2024-01-01T00:00:00', 1)).toEqual([null]);
    expect(fires('cron(0 0 29 2 ? *)', '2099-01-01T00:00:00', 2)).toEqual(['2104-02-29T00:00:00', '2108-02-29T00:00:00']);
  });

  it('fires strictly after `after`, even on an exact fire time or mid-minute', () => {
    const s = parseScheduleExpression('cron(0 10 * * ? *)');
    expect(iso(s.next(utc('2024-03-01T10:00:00')))).toBe('2024-03-02T10:00:00');
    expect(iso(s.next(utc('2024-03-01T09:59:59.999')))).toBe('2024-03-01T10:00:00');
    expect(iso(s.next(utc('2024-03-01T10:00:30')))).toBe('2024-03-02T10:00:00');
  });

  it('exposes matches() for a given minute', () => {
    const s = parseScheduleExpression('cron(0 18 ? * MON-FRI *)') as CronSchedule;
    expect(s.matches(utc('2024-03-01T18:00:42'))).toBe(true);
    expect(s.matches(utc('2024-03-02T18:00:00'))).toBe(false);
  });

  it('describes itself in UTC', () => {
    const text = parseScheduleExpression('cron(0 18 ? * MON-FRI *)').describe();
    expect(text).toContain('cron(0 18 ? * MON-FRI *)');
    expect(text).toContain('day-of-week MON-FRI');
    expect(text).toContain('UTC');
  });

  it('is fast enough to call per tick', () => {
    const s = parseScheduleExpression('cron(0/5 8-17 ? * MON-FRI *)');
    let t: Date | null = utc('2024-03-01T00:00:00');
    const started = performance.now();
    for (let i = 0; i < 1000 && t; i++) t = s.next(t);
    expect((performance.now() - started) / 1000).toBeLessThan(1); // ms per call
    const rare = parseScheduleExpression('cron(0 0 30 2 ? *)'); // scans to 2199
    const t0 = performance.now();
    rare.next(utc('1970-01-01T00:00:00'));
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('cron: invalid expressions', () => {
  const invalid: [string, RegExp][] = [
    ['cron(0 10 * * * *)', /both be specified/],
    ['cron(0 10 * * MON *)', /both be specified/],
    ['cron(0 10 ? * ? *)', /cannot both be "\?"/],
    ['cron(0 10 * * ?)', /6 fields/],
    ['cron(0 0 10 * * ? *)', /6 fields/],
    ['cron()', /6 fields/],
    ['cron(60 10 * * ? *)', /minutes value 60 is out of range 0-59/],
    ['cron(0 24 * * ? *)', /hours value 24/],
    ['cron(0 10 0 * ? *)', /day-of-month value 0/],
    ['cron(0 10 32 * ? *)', /day-of-month value 32/],
    ['cron(0 10 * 13 ? *)', /month value 13/],
    ['cron(0 10 ? * 0 *)', /day-of-week value 0/], // Unix Sunday is not valid: SUN=1
    ['cron(0 10 ? * 8 *)', /day-of-week value 8/],
    ['cron(0 10 * * ? 1969)', /year value 1969/],
    ['cron(0 10 * * ? 2200)', /year value 2200/],
    ['cron(0 10 * * ? 2030-2020)', /runs backwards/],
    ['cron(0 10 ? * 3#1,6#3 *)', /single "day#n"/],
    ['cron(0 10 ? * 3#6 *)', /1-5/],
    ['cron(0/0 * * * ? *)', /increment must be between/],
    ['cron(? 10 * * ? *)', /"\?" is only allowed in day-of-month or day-of-week/],
    ['cron(0 10 LW * ? *)', /LW.*not supported/],
    ['cron(0 10 L-2 * ? *)', /not supported/],
    ['cron(0 10 1,L * ? *)', /on their own/],
    ['cron(0 10 ? * 1/2 *)', /"\/" is not allowed in day-of-week/],
    ['cron(0 10 ? * 5W *)', /"W" is only allowed in day-of-month/],
    ['cron(0 10 ? * MON#1-2 *)', /single "day#n"/],
    ['cron(5L 10 * * ? *)', /only allowed in day-of-month \/ day-of-week/],
    ['cron(a 10 * * ? *)', /minutes value "A" is not a number/],
    ['cron(0 10 * FOO ? *)', /month value "FOO"/],
    ['cron(1-2-3 10 * * ? *)', /more than one "-"/],
    ['cron(0 10 ,1 * ? *)', /empty list item/],
  ];

  it.each(invalid)('%s is rejected', (expr, reason) => {
    let error: unknown;
    try {
      parseScheduleExpression(expr);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidScheduleExpressionError);
    expect((error as Error).message).toMatch(reason);
    expect((error as InvalidScheduleExpressionError).expression).toBe(expr);
  });
});

describe('rate', () => {
  const after = utc('2024-03-01T12:34:56');

  it('fires one period after `after` without an anchor', () => {
    expect(iso(parseScheduleExpression('rate(1 minute)').next(after))).toBe('2024-03-01T12:35:56');
    expect(iso(parseScheduleExpression('rate(5 minutes)').next(after))).toBe('2024-03-01T12:39:56');
    expect(iso(parseScheduleExpression('rate(1 hour)').next(after))).toBe('2024-03-01T13:34:56');
    expect(iso(parseScheduleExpression('rate(12 hours)').next(after))).toBe('2024-03-02T00:34:56');
    expect(iso(parseScheduleExpression('rate(1 day)').next(after))).toBe('2024-03-02T12:34:56');
    expect(iso(parseScheduleExpression('rate(7 days)').next(after))).toBe('2024-03-08T12:34:56');
  });

  it('fires at anchor + k·period with an anchor', () => {
    const s = parseScheduleExpression('rate(1 hour)', { anchor: utc('2024-03-01T00:00:00') });
    expect(iso(s.next(utc('2024-03-01T00:00:00')))).toBe('2024-03-01T01:00:00');
    expect(iso(s.next(utc('2024-03-01T00:30:00')))).toBe('2024-03-01T01:00:00');
    expect(iso(s.next(utc('2024-03-01T01:00:00')))).toBe('2024-03-01T02:00:00');
    expect(iso(s.next(utc('2024-02-29T00:00:00')))).toBe('2024-03-01T01:00:00');
    expect(s.describe()).toContain('2024-03-01T00:00:00.000Z');
  });

  it('describes itself', () => {
    expect(parseScheduleExpression('rate(5 minutes)').describe()).toBe('rate(5 minutes): every 5 minutes');
    expect(parseScheduleExpression('rate(1 day)').describe()).toBe('rate(1 day): every day');
  });

  const invalid: [string, RegExp][] = [
    ['rate(1 hours)', /singular unit "hour"/],
    ['rate(5 hour)', /plural unit "hours"/],
    ['rate(0 minutes)', /positive whole number/],
    ['rate(-1 minutes)', /positive whole number/],
    ['rate(1.5 minutes)', /positive whole number/],
    ['rate(5 seconds)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5 Minutes)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5)', /two fields/],
    ['rate(5 minutes extra)', /two fields/],
    ['rate()', /two fields/],
    ['every 5 minutes', /expected "rate\(value unit\)" or "cron\(fields\)"/],
    ['', /expected/],
    ['RATE(5 minutes)', /expected/],
  ];

  it.each(invalid)('%s is rejected', (expr, reason) => {
    expect(() => parseScheduleExpression(expr)).toThrow(InvalidScheduleExpressionError);
    expect(() => parseScheduleExpression(expr)).toThrow(reason);
  });

  it('rejects an invalid date', () => {
    expect(() => parseScheduleExpression('rate(5 minutes)').next(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('properties', () => {
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const minute = fc.oneof(
    pick('*', '0/15', '1/10', '0,30', '5-10', '50-5'),
    fc.integer({ min: 0, max: 59 }).map(String),
  );
  const hour = fc.oneof(pick('*', '8-17', '20-2', '0/6', '9,21'), fc.integer({ min: 0, max: 23 }).map(String));
  const month = pick('*', '*', 'JAN,JUL', 'NOV-FEB', '2', '1/3');
  const year = pick('*', '*', '*', '2024-2030', '2026/2');
  const dom = fc.oneof(pick('*', 'L', '1-7', '1/5', '15W', '1W', '31W', '29', '31'), fc.integer({ min: 1, max: 28 }).map(String));
  const dow = fc.oneof(
    pick('*', 'MON-FRI', 'SAT,SUN', 'FRI-MON', 'L', '6L', '2#1', '3#2', '5#5', '1'),
    fc.integer({ min: 1, max: 7 }).map(String),
  );
  const days = fc.oneof(dom.map((d) => [d, '?']), dow.map((d) => ['?', d]));
  const cronExpr = fc
    .tuple(minute, hour, days, month, year)
    .map(([mi, h, [d, w], mo, y]) => `cron(${mi} ${h} ${d} ${mo} ${w} ${y})`);
  const start = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true });

  it('next() is strictly increasing and every result is a matching whole minute', () => {
    fc.assert(
      fc.property(cronExpr, start, (expr, from) => {
        const s = parseScheduleExpression(expr) as CronSchedule;
        let prev = from;
        for (let i = 0; i < 5; i++) {
          const n = s.next(prev);
          if (n === null) return;
          expect(n.getTime()).toBeGreaterThan(prev.getTime());
          expect(n.getTime() % 60_000).toBe(0);
          expect(s.matches(n)).toBe(true);
          prev = n;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('next() never skips a matching minute (checked minute by minute over short gaps)', () => {
    const MAX_SCAN_MINUTES = 3 * 24 * 60;
    fc.assert(
      fc.property(cronExpr, start, (expr, from) => {
        const s = parseScheduleExpression(expr) as CronSchedule;
        const n = s.next(from);
        const first = Math.floor(from.getTime() / 60_000) * 60_000 + 60_000;
        const limit = n === null ? first + MAX_SCAN_MINUTES * 60_000 : Math.min(n.getTime(), first + MAX_SCAN_MINUTES * 60_000);
        for (let t = first; t < limit; t += 60_000) {
          if (s.matches(new Date(t))) throw new Error(`${expr}: ${new Date(t).toISOString()} matches but next(${from.toISOString()}) = ${iso(n)}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rate next() is strictly increasing and evenly spaced from its anchor', () => {
    const unit = fc.constantFrom(['minute', 'minutes', 60_000], ['hour', 'hours', 3_600_000], ['day', 'days', 86_400_000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), unit, start, start, (value, [one, many, ms], anchor, from) => {
        const s = parseScheduleExpression(`rate(${value} ${value === 1 ? one : many})`, { anchor });
        const a = s.next(from)!;
        const b = s.next(a)!;
        expect(a.getTime()).toBeGreaterThan(from.getTime());
        expect(b.getTime() - a.getTime()).toBe(value * (ms as number));
        expect((a.getTime() - anchor.getTime()) % (value * (ms as number))).toBe(0);
        expect(a.getTime() - from.getTime()).toBeLessThanOrEqual(value * (ms as number) + Math.max(0, anchor.getTime() - from.getTime()));
      }),
    );
  });
});
