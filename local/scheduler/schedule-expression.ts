/**
 * EventBridge schedule expressions (`rate(...)` and `cron(...)`) for the local scheduler.
 *
 * Semantics follow the AWS EventBridge user guide ("Schedule expressions for rules" /
 * "Cron expressions reference"):
 * - All times are UTC; the finest resolution is one minute.
 * - cron has six fields: minutes hours day-of-month month day-of-week year.
 *   Day-of-week runs 1-7 with SUN=1 (not the Unix 0=SUN). Exactly one of
 *   day-of-month / day-of-week must be `?`.
 * - Supported wildcards: `,` `-` `*` `/` everywhere the docs allow them, `L` and `nW` in
 *   day-of-month, `L`, `nL` and `n#k` in day-of-week (`6L` = last Friday; `L` alone =
 *   Saturday, the last day of the week). Ranges may wrap (`20-2` hours, `FRI-MON`), as
 *   in the docs' `cron(0/30 20-2 ? * MON-FRI *)` example; each minute is then checked on
 *   its own (so 00:30 on a Saturday does not fire for MON-FRI).
 * - Quartz extras the AWS docs do not mention (`LW`, `L-n`, `/` in day-of-week, `#` in a
 *   list) are rejected with a clear error rather than guessed at.
 *
 * cron-parser is not used: it has no year field, numbers Sunday 0 and ORs day-of-month
 * with day-of-week, so AWS semantics would need a lossy translation.
 */

export class InvalidScheduleExpressionError extends Error {
  override name = 'InvalidScheduleExpressionError';
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`Invalid schedule expression ${JSON.stringify(expression)}: ${reason}`);
  }
}

export interface Schedule {
  readonly kind: 'rate' | 'cron';
  readonly expression: string;
  /** The next fire time strictly after `after`, or null if the schedule never fires again. */
  next(after: Date): Date | null;
  describe(): string;
}

export interface ScheduleOptions {
  /**
   * Reference point for `rate` schedules: fires at anchor + k·period (k ≥ 1). AWS anchors
   * a rate rule to its creation time; the local runtime passes its start time. Without an
   * anchor, `next(after)` is simply `after + period`. Ignored for cron.
   */
  anchor?: Date;
}

export function parseScheduleExpression(expr: string, options: ScheduleOptions = {}): Schedule {
  if (typeof expr !== 'string') {
    throw new InvalidScheduleExpressionError(String(expr), 'must be a string');
  }
  const rate = /^rate\((.*)\)$/s.exec(expr);
  if (rate) return parseRate(expr, rate[1]!, options.anchor);
  const cron = /^cron\((.*)\)$/s.exec(expr);
  if (cron) return parseCron(expr, cron[1]!);
  throw new InvalidScheduleExpressionError(expr, 'expected "rate(value unit)" or "cron(fields)"');
}

// ---------------------------------------------------------------------------
// rate(value unit)

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = {
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  hour: 60 * MINUTE_MS,
  hours: 60 * MINUTE_MS,
  day: 24 * 60 * MINUTE_MS,
  days: 24 * 60 * MINUTE_MS,
};

function parseRate(expr: string, body: string, anchor: Date | undefined): Schedule {
  const fail = (reason: string): never => {
    throw new InvalidScheduleExpressionError(expr, reason);
  };
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0] === '') fail('rate needs exactly two fields: "rate(value unit)"');
  const [valueText, unit] = parts as [string, string];
  if (!/^\d+$/.test(valueText)) fail(`rate value must be a positive whole number, got "${valueText}"`);
  const value = Number(valueText);
  if (value < 1 || !Number.isSafeInteger(value)) fail(`rate value must be a positive whole number, got "${valueText}"`);
  const unitMs = Object.hasOwn(UNIT_MS, unit) ? UNIT_MS[unit] : undefined;
  if (unitMs === undefined) fail(`rate unit must be minute(s), hour(s) or day(s), got "${unit}"`);
  const plural = unit.endsWith('s');
  if (value === 1 && plural) fail(`a value of 1 takes the singular unit "${unit.slice(0, -1)}"`);
  if (value > 1 && !plural) fail(`a value over 1 takes the plural unit "${unit}s"`);
  if (anchor !== undefined) assertValidDate(anchor, 'anchor');

  const period = value * unitMs!;
  const anchorMs = anchor?.getTime();
  return {
    kind: 'rate',
    expression: expr,
    next(after) {
      assertValidDate(after, 'after');
      const t = after.getTime();
      if (anchorMs === undefined) return new Date(t + period);
      if (t < anchorMs) return new Date(anchorMs + period);
      const k = Math.floor((t - anchorMs) / period) + 1;
      return new Date(anchorMs + k * period);
    },
    describe() {
      const every = value === 1 ? `every ${unit}` : `every ${value} ${unit}`;
      return anchor ? `${expr}: ${every}, counted from ${anchor.toISOString()}` : `${expr}: ${every}`;
    },
  };
}

// ---------------------------------------------------------------------------
// cron(minutes hours day-of-month month day-of-week year)

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  /** Whether `a-b` with a > b wraps around (all fields but the year). */
  cyclic: boolean;
  names?: Record<string, number>;
}

const MONTH_NAMES: Record<string, number> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
};
const DAY_NAMES: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };

const MINUTES: FieldSpec = { label: 'minutes', min: 0, max: 59, cyclic: true };
const HOURS: FieldSpec = { label: 'hours', min: 0, max: 23, cyclic: true };
const DAY_OF_MONTH: FieldSpec = { label: 'day-of-month', min: 1, max: 31, cyclic: true };
const MONTH: FieldSpec = { label: 'month', min: 1, max: 12, cyclic: true, names: MONTH_NAMES };
const DAY_OF_WEEK: FieldSpec = { label: 'day-of-week', min: 1, max: 7, cyclic: true, names: DAY_NAMES };
const YEAR: FieldSpec = { label: 'year', min: 1970, max: 2199, cyclic: false };

type DayRule =
  | { kind: 'dom'; days: boolean[] }
  | { kind: 'dom-last' }
  | { kind: 'dom-weekday'; day: number }
  | { kind: 'dow'; days: boolean[] }
  | { kind: 'dow-last'; dow: number }
  | { kind: 'dow-nth'; dow: number; nth: number };

export interface CronSchedule extends Schedule {
  readonly kind: 'cron';
  /** Whether the cron fires in the (UTC) minute containing `at`. */
  matches(at: Date): boolean;
}

function parseCron(expr: string, body: string): CronSchedule {
  const fail = (reason: string): never => {
    throw new InvalidScheduleExpressionError(expr, reason);
  };
  const raw = body.trim().split(/\s+/);
  if (raw.length !== 6 || raw[0] === '') {
    fail(`cron needs 6 fields (minutes hours day-of-month month day-of-week year), got ${raw[0] === '' ? 0 : raw.length}`);
  }
  const [minText, hourText, domText, monText, dowText, yearText] = raw.map((f) => f.toUpperCase()) as [
    string, string, string, string, string, string,
  ];
  const parse = (text: string, spec: FieldSpec): boolean[] => {
    try {
      return parseListField(text, spec, true);
    } catch (err) {
      if (err instanceof FieldError) return fail(err.message);
      throw err;
    }
  };

  for (const [text, label] of [[minText, 'minutes'], [hourText, 'hours'], [monText, 'month'], [yearText, 'year']] as const) {
    if (text.includes('?')) fail(`"?" is only allowed in day-of-month or day-of-week, not in ${label}`);
  }
  const minutes = parse(minText, MINUTES);
  const hours = parse(hourText, HOURS);
  const months = parse(monText, MONTH);
  const years = parse(yearText, YEAR);

  const domAny = domText === '?';
  const dowAny = dowText === '?';
  if (domAny && dowAny) fail('day-of-month and day-of-week cannot both be "?"; use "?" in exactly one of them');
  if (!domAny && !dowAny) {
    fail('day-of-month and day-of-week cannot both be specified; use "?" in one of them (e.g. "cron(0 10 * * ? *)")');
  }
  let dayRule: DayRule;
  try {
    dayRule = domAny ? parseDayOfWeek(dowText) : parseDayOfMonth(domText);
  } catch (err) {
    if (err instanceof FieldError) return fail(err.message);
    throw err;
  }

  const dayAllowed = (y: number, m: number, d: number): boolean => {
    const dim = daysInMonth(y, m);
    if (d > dim) return false;
    switch (dayRule.kind) {
      case 'dom':
        return dayRule.days[d] === true;
      case 'dom-last':
        return d === dim;
      case 'dom-weekday':
        return d === nearestWeekday(y, m, dayRule.day, dim);
      case 'dow':
        return dayRule.days[awsDayOfWeek(y, m, d)] === true;
      case 'dow-last':
        return awsDayOfWeek(y, m, d) === dayRule.dow && d + 7 > dim;
      case 'dow-nth':
        return awsDayOfWeek(y, m, d) === dayRule.dow && Math.ceil(d / 7) === dayRule.nth;
    }
  };

  const matches = (at: Date): boolean => {
    assertValidDate(at, 'at');
    const y = at.getUTCFullYear();
    const mo = at.getUTCMonth() + 1;
    return (
      y >= YEAR.min && y <= YEAR.max && years[y] === true && months[mo] === true &&
      dayAllowed(y, mo, at.getUTCDate()) && hours[at.getUTCHours()] === true && minutes[at.getUTCMinutes()] === true
    );
  };

  const next = (after: Date): Date | null => {
    assertValidDate(after, 'after');
    // Fire times are whole minutes, so the first candidate is the next minute boundary.
    let t = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    // Each pass either returns or jumps to the start of the next allowed unit, so the
    // loop is bounded by a few passes per year up to 2199; the cap is a safety net.
    for (let pass = 0; pass < 100_000; pass++) {
      const d = new Date(t);
      const y = d.getUTCFullYear();
      const mo = d.getUTCMonth() + 1;
      const day = d.getUTCDate();
      const h = d.getUTCHours();
      const mi = d.getUTCMinutes();
      if (y > YEAR.max) return null;
      if (y < YEAR.min || years[y] !== true) {
        const ny = nextSet(years, Math.max(y + 1, YEAR.min), YEAR.max);
        if (ny < 0) return null;
        t = Date.UTC(ny, 0, 1);
        continue;
      }
      if (months[mo] !== true) {
        const nm = nextSet(months, mo + 1, 12);
        t = nm < 0 ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, nm - 1, 1);
        continue;
      }
      if (!dayAllowed(y, mo, day)) {
        const dim = daysInMonth(y, mo);
        let nd = day + 1;
        while (nd <= dim && !dayAllowed(y, mo, nd)) nd++;
        t = nd <= dim ? Date.UTC(y, mo - 1, nd) : Date.UTC(y, mo, 1);
        continue;
      }
      if (hours[h] !== true) {
        const nh = nextSet(hours, h + 1, 23);
        t = nh < 0 ? Date.UTC(y, mo - 1, day + 1) : Date.UTC(y, mo - 1, day, nh);
        continue;
      }
      if (minutes[mi] !== true) {
        const nmi = nextSet(minutes, mi + 1, 59);
        t = nmi < 0 ? Date.UTC(y, mo - 1, day, h + 1) : Date.UTC(y, mo - 1, day, h, nmi);
        continue;
      }
      return new Date(t);
    }
    return null;
  };

  const describe = (): string => {
    const part = (text: string, label: string, everyWord: string): string =>
      text === '*' ? `${everyWord} ${label}` : text === '?' ? `any ${label}` : `${label} ${text}`;
    return [
      `${expr}:`,
      [
        part(raw[0]!, 'minute', 'every'),
        part(raw[1]!, 'hour', 'every'),
        part(raw[2]!, 'day-of-month', 'every'),
        part(raw[3]!, 'month', 'every'),
        part(raw[4]!, 'day-of-week', 'every'),
        part(raw[5]!, 'year', 'every'),
      ].join(', '),
      '(UTC)',
    ].join(' ');
  };

  return { kind: 'cron', expression: expr, next, describe, matches };
}

class FieldError extends Error {}

/** `, - * /` syntax shared by every field; returns a lookup indexed by value. */
function parseListField(text: string, spec: FieldSpec, allowStep: boolean): boolean[] {
  const allowed = new Array<boolean>(spec.max + 1).fill(false);
  if (text === '') throw new FieldError(`${spec.label} field is empty`);
  for (const item of text.split(',')) {
    if (item === '') throw new FieldError(`${spec.label} field "${text}" has an empty list item`);
    const slash = item.split('/');
    if (slash.length > 2) throw new FieldError(`${spec.label} item "${item}" has more than one "/"`);
    const [rangeText, stepText] = slash as [string, string | undefined];
    if (stepText !== undefined && !allowStep) {
      throw new FieldError(`"/" is not allowed in ${spec.label}`);
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText)) throw new FieldError(`${spec.label} increment "${stepText}" must be a whole number`);
      step = Number(stepText);
      const span = spec.max - spec.min + 1;
      if (step < 1 || step > span) {
        throw new FieldError(`${spec.label} increment must be between 1 and ${span}, got ${step}`);
      }
    }
    let start: number;
    let end: number;
    if (rangeText === '*') {
      start = spec.min;
      end = spec.max;
    } else {
      const dash = rangeText.split('-');
      if (dash.length > 2) throw new FieldError(`${spec.label} range "${rangeText}" has more than one "-"`);
      start = parseValue(dash[0]!, spec);
      // "a/n" runs from a to the end of the field.
      end = dash.length === 2 ? parseValue(dash[1]!, spec) : stepText !== undefined ? spec.max : start;
      if (start > end && !spec.cyclic) {
        throw new FieldError(`${spec.label} range "${rangeText}" runs backwards`);
      }
    }
    // Walk from start towards end (wrapping for cyclic fields) taking every step-th value.
    const span = spec.max - spec.min + 1;
    const count = ((end - start + span) % span) + 1;
    for (let i = 0; i < count; i += step) {
      allowed[spec.min + ((start - spec.min + i) % span)] = true;
    }
  }
  return allowed;
}

function parseValue(token: string, spec: FieldSpec): number {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n < spec.min || n > spec.max) {
      throw new FieldError(`${spec.label} value ${n} is out of range ${spec.min}-${spec.max}`);
    }
    return n;
  }
  if (spec.names && Object.hasOwn(spec.names, token)) return spec.names[token]!;
  if (/[LW#?]/.test(token)) {
    throw new FieldError(
      spec === DAY_OF_MONTH || spec === DAY_OF_WEEK
        ? `"${token}" in ${spec.label}: L, W, # and ? must be used on their own, not in a list, range or increment`
        : `"${token}" in ${spec.label}: L, W, # and ? are only allowed in day-of-month / day-of-week`,
    );
  }
  const hint = spec.names ? ` or ${Object.keys(spec.names)[0]}-${Object.keys(spec.names).at(-1)}` : '';
  throw new FieldError(`${spec.label} value "${token}" is not a number in ${spec.min}-${spec.max}${hint}`);
}

function parseDayOfMonth(text: string): DayRule {
  if (text === 'L') return { kind: 'dom-last' };
  if (text === 'LW') throw new FieldError('"LW" in day-of-month is not documented by AWS and not supported locally');
  if (/^L-\d+$/.test(text)) throw new FieldError(`"${text}" (offset from the last day) is not documented by AWS and not supported locally`);
  const w = /^(\d+)W$/.exec(text);
  if (w) return { kind: 'dom-weekday', day: parseValue(w[1]!, DAY_OF_MONTH) };
  if (/[LW]/.test(text)) {
    throw new FieldError(`day-of-month "${text}": use "L" or "nW" on their own, not in a list, range or increment`);
  }
  if (text.includes('#')) throw new FieldError('"#" is only allowed in day-of-week');
  return { kind: 'dom', days: parseListField(text, DAY_OF_MONTH, true) };
}

function parseDayOfWeek(text: string): DayRule {
  if (text === 'L') return { kind: 'dow', days: dayMask(DAY_NAMES.SAT!) }; // last day of the week
  const last = /^([A-Z0-9]+)L$/.exec(text);
  if (last) {
    return { kind: 'dow-last', dow: parseValue(last[1]!, DAY_OF_WEEK) };
  }
  const nth = /^([A-Z0-9]+)#(\d+)$/.exec(text);
  if (nth) {
    const k = Number(nth[2]);
    if (k < 1 || k > 5) throw new FieldError(`day-of-week "${text}": the instance after "#" must be 1-5`);
    return { kind: 'dow-nth', dow: parseValue(nth[1]!, DAY_OF_WEEK), nth: k };
  }
  if (text.includes('#')) {
    throw new FieldError(`day-of-week "${text}": with "#" only a single "day#n" expression is allowed`);
  }
  // WED is the only day name with a W; any other W is the day-of-month wildcard.
  if (text.split(/[,\-/]/).some((token) => token.includes('W') && token !== 'WED')) {
    throw new FieldError('"W" is only allowed in day-of-month');
  }
  if (text.includes('/')) throw new FieldError('"/" is not allowed in day-of-week');
  return { kind: 'dow', days: parseListField(text, DAY_OF_WEEK, false) };
}

function dayMask(dow: number): boolean[] {
  const days = new Array<boolean>(8).fill(false);
  days[dow] = true;
  return days;
}

function nextSet(allowed: boolean[], from: number, to: number): number {
  for (let i = from; i <= to; i++) if (allowed[i] === true) return i;
  return -1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = Sunday … 7 = Saturday, as in AWS cron. */
function awsDayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** `nW`: the weekday nearest day n without leaving the month (Quartz/AWS semantics). */
function nearestWeekday(year: number, month: number, n: number, dim: number): number {
  if (n > dim) return -1; // e.g. 31W in a 30-day month never fires that month
  const dow = awsDayOfWeek(year, month, n);
  if (dow === 7) return n > 1 ? n - 1 : n + 2; // Saturday -> Friday, or Monday if the 1st
  if (dow === 1) return n < dim ? n + 1 : n - 2; // Sunday -> Monday, or Friday if the last day
  return n;
}

function assertValidDate(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}
