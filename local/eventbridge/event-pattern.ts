/**
 * Amazon EventBridge event-pattern matcher for the local event bus.
 *
 * Semantics follow the AWS EventBridge user guide ("Creating event patterns",
 * "Content filtering in Amazon EventBridge event patterns" / "Comparison operators
 * for use in event patterns", "Matching events on null values and empty strings",
 * "Matching on multiple field values") and the aws/event-ruler README, which is the
 * engine EventBridge runs:
 *
 * - Pattern fields are ANDed; the values in a leaf array are ORed.
 * - A nested pattern object matches the nested event object. When the event holds an
 *   array there, the pattern matches if any element matches ("array crushing"); all
 *   fields of that sub-pattern must match within the same element (event-ruler's
 *   array-consistent matching).
 * - When the event value of a leaf is an array, the leaf matches if any element matches
 *   (non-empty intersection).
 * - Exact values are typed JSON: "5" never matches 5, null matches only null (not a
 *   missing field, not ""), numbers compare numerically (300 matches 300.0).
 * - `exists` only looks at leaf values: a field holding an object counts as absent, a
 *   field holding `null` counts as present (AWS matches `{"exists": true}` on null).
 * - Every operator except `exists: false` needs the field to be present: notably
 *   `anything-but` does not match a missing field, but does match `null` and values of
 *   another type (a number is "anything but" the string "initializing").
 *
 * Choices where the docs are silent or AWS differs from a local emulator's needs:
 * - The empty pattern `{}` is rejected (as is any empty object), like AWS does
 *   ("Empty objects are not allowed"); accepting it locally would hide a rule that
 *   fails at deploy time. Use `{"source": [{"prefix": ""}]}` to match everything.
 * - `$or` must be an array of at least two non-empty objects. event-ruler silently
 *   treats other shapes as a literal field named "$or"; we reject them as a likely
 *   mistake instead.
 * - An event array with no leaf values (e.g. `[]`) counts as an absent field.
 * - `exists: false` under an array of objects is evaluated per element (matches if
 *   some element lacks the field). event-ruler may require no element to have it when
 *   no sibling field pins the element; this edge case is not documented.
 * - Limits AWS enforces on rule size, wildcard complexity and numeric range/precision
 *   are not enforced.
 */
import { BlockList, isIP } from 'node:net';

/** Base class so callers can catch every pattern rejection at once. */
export class EventPatternError extends Error {
  override name = 'EventPatternError';
}

/** The pattern is malformed (AWS would answer InvalidEventPatternException). */
export class InvalidPatternError extends EventPatternError {
  override name = 'InvalidPatternError';
}

/** The pattern uses an operator this local matcher does not implement. */
export class UnsupportedPatternError extends EventPatternError {
  override name = 'UnsupportedPatternError';
}

export type EventMatcher = (event: unknown) => boolean;

type Leaf = string | number | boolean | null;
type Obj = Record<string, unknown>;
type ObjectMatcher = (obj: Obj) => boolean;
type LeafPredicate = (value: Leaf) => boolean;

const SUPPORTED_OPERATORS = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
] as const;

const EMPTY: Obj = Object.freeze({}) as Obj;

/**
 * Validates `pattern` once and returns a matcher. A string is parsed as JSON, since
 * PutRule carries the pattern as a JSON string.
 */
export function compilePattern(pattern: unknown): EventMatcher {
  let parsed = pattern;
  if (typeof pattern === 'string') {
    try {
      parsed = JSON.parse(pattern);
    } catch (err) {
      throw new InvalidPatternError(`Event pattern is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (!isPlainObject(parsed)) {
    throw new InvalidPatternError('Event pattern must be a JSON object');
  }
  const root = compileObject(parsed, '');
  return (event) => isPlainObject(event) && root(event);
}

export function matchesPattern(pattern: unknown, event: unknown): boolean {
  return compilePattern(pattern)(event);
}

// ---------------------------------------------------------------------------
// Pattern compilation

function compileObject(pattern: Obj, path: string): ObjectMatcher {
  const keys = Object.keys(pattern);
  if (keys.length === 0) {
    throw new InvalidPatternError(
      `${where(path)}: empty objects are not allowed in an event pattern`,
    );
  }
  const matchers: ObjectMatcher[] = [];
  for (const key of keys) {
    const value = pattern[key];
    const childPath = joinPath(path, key);
    if (key === '$or') {
      matchers.push(compileOr(value, childPath));
    } else if (Array.isArray(value)) {
      matchers.push(compileLeafField(key, value, childPath));
    } else if (isPlainObject(value)) {
      matchers.push(compileNestedField(key, compileObject(value, childPath)));
    } else {
      throw new InvalidPatternError(
        `${childPath}: must be an object or an array of match values, got ${describeValue(value)}`,
      );
    }
  }
  if (matchers.length === 1) return matchers[0]!;
  return (obj) => {
    for (const m of matchers) if (!m(obj)) return false;
    return true;
  };
}

function compileOr(value: unknown, path: string): ObjectMatcher {
  if (!Array.isArray(value) || value.length < 2) {
    throw new InvalidPatternError(`${path}: "$or" must be an array of at least two pattern objects`);
  }
  const branches = value.map((branch, i) => {
    const branchPath = `${path}[${i}]`;
    if (!isPlainObject(branch)) {
      throw new InvalidPatternError(`${branchPath}: each "$or" branch must be a pattern object`);
    }
    return compileObject(branch, branchPath);
  });
  return (obj) => {
    for (const b of branches) if (b(obj)) return true;
    return false;
  };
}

function compileNestedField(key: string, sub: ObjectMatcher): ObjectMatcher {
  // A missing or non-object value behaves as an object with no fields, so only
  // `exists: false` leaves inside `sub` can match it; computed once here.
  const matchesAbsent = sub(EMPTY);
  return (obj) => {
    if (!Object.hasOwn(obj, key)) return matchesAbsent;
    const value = obj[key];
    if (isPlainObject(value)) return sub(value);
    if (Array.isArray(value)) {
      const r = anyElementObject(value, sub);
      return r === 'no-objects' ? matchesAbsent : r;
    }
    return matchesAbsent;
  };
}

function anyElementObject(arr: unknown[], sub: ObjectMatcher): boolean | 'no-objects' {
  let sawObject = false;
  for (const el of arr) {
    if (isPlainObject(el)) {
      sawObject = true;
      if (sub(el)) return true;
    } else if (Array.isArray(el)) {
      const r = anyElementObject(el, sub);
      if (r === true) return true;
      if (r === false) sawObject = true;
    }
  }
  return sawObject ? false : 'no-objects';
}

function compileLeafField(key: string, values: unknown[], path: string): ObjectMatcher {
  if (values.length === 0) {
    throw new InvalidPatternError(`${path}: empty arrays are not allowed in an event pattern`);
  }
  // Exact values go in a Set: SameValueZero makes 300 and 300.0 (the same JS number)
  // equal while keeping "300", 300, true and null distinct.
  const exact = new Set<Leaf>();
  const predicates: LeafPredicate[] = [];
  let existsTrue = false;
  let existsFalse = false;

  values.forEach((v, i) => {
    const itemPath = `${path}[${i}]`;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') {
      exact.add(v);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new InvalidPatternError(`${itemPath}: number must be finite`);
      exact.add(v);
    } else if (isPlainObject(v)) {
      const op = compileOperator(v, itemPath);
      if (op.kind === 'exists') {
        if (op.exists) existsTrue = true;
        else existsFalse = true;
      } else {
        predicates.push(op.predicate);
      }
    } else {
      throw new InvalidPatternError(
        `${itemPath}: match value must be a string, number, true, false, null or an operator object, got ${describeValue(v)}`,
      );
    }
  });

  const hasExact = exact.size > 0;
  const test = (leaf: Leaf): boolean => {
    if (hasExact && exact.has(leaf)) return true;
    for (const p of predicates) if (p(leaf)) return true;
    return false;
  };

  return (obj) => {
    if (!Object.hasOwn(obj, key)) return existsFalse;
    const value = obj[key];
    if (isLeaf(value)) return existsTrue || test(value);
    if (!Array.isArray(value)) return existsFalse; // an object (or undefined) is not a leaf
    const leaves: Leaf[] = [];
    collectLeaves(value, leaves);
    if (leaves.length === 0) return existsFalse;
    if (existsTrue) return true;
    for (const leaf of leaves) if (test(leaf)) return true;
    return false;
  };
}

function collectLeaves(arr: unknown[], out: Leaf[]): void {
  for (const el of arr) {
    if (isLeaf(el)) out.push(el);
    else if (Array.isArray(el)) collectLeaves(el, out);
  }
}

type CompiledOperator = { kind: 'exists'; exists: boolean } | { kind: 'predicate'; predicate: LeafPredicate };

function compileOperator(op: Obj, path: string): CompiledOperator {
  const keys = Object.keys(op);
  if (keys.length !== 1) {
    throw new InvalidPatternError(
      `${path}: a match expression must have exactly one operator key, got ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  const name = keys[0]!;
  const arg = op[name];
  const opPath = `${path}.${name}`;
  switch (name) {
    case 'prefix':
    case 'suffix':
      return predicate(compilePrefixSuffix(name, arg, opPath));
    case 'equals-ignore-case': {
      const wanted = requireString(arg, opPath).toLowerCase();
      return predicate((v) => typeof v === 'string' && v.toLowerCase() === wanted);
    }
    case 'wildcard': {
      const glob = compileWildcard(requireString(arg, opPath), opPath);
      return predicate((v) => typeof v === 'string' && glob(v));
    }
    case 'anything-but':
      return predicate(compileAnythingBut(arg, opPath));
    case 'numeric':
      return predicate(compileNumeric(arg, opPath));
    case 'cidr':
      return predicate(compileCidr(arg, opPath));
    case 'exists':
      if (typeof arg !== 'boolean') {
        throw new InvalidPatternError(`${opPath}: "exists" must be true or false`);
      }
      return { kind: 'exists', exists: arg };
    case '$or':
      throw new InvalidPatternError(`${path}: "$or" is only allowed as a field of a pattern object, not inside a match array`);
    default:
      throw new UnsupportedPatternError(
        `${path}: unsupported event pattern operator "${name}"; the local matcher supports ${SUPPORTED_OPERATORS.map((o) => `"${o}"`).join(', ')} and "$or"`,
      );
  }
}

function predicate(p: LeafPredicate): CompiledOperator {
  return { kind: 'predicate', predicate: p };
}

function compilePrefixSuffix(name: 'prefix' | 'suffix', arg: unknown, path: string): LeafPredicate {
  let ignoreCase = false;
  let text: string;
  if (typeof arg === 'string') {
    text = arg;
  } else if (isPlainObject(arg)) {
    const keys = Object.keys(arg);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      throw new InvalidPatternError(`${path}: "${name}" takes a string or {"equals-ignore-case": string}`);
    }
    text = requireString(arg['equals-ignore-case'], `${path}.equals-ignore-case`);
    ignoreCase = true;
  } else {
    throw new InvalidPatternError(`${path}: "${name}" match pattern must be a string, got ${describeValue(arg)}`);
  }
  if (ignoreCase) {
    const lower = text.toLowerCase();
    return name === 'prefix'
      ? (v) => typeof v === 'string' && v.toLowerCase().startsWith(lower)
      : (v) => typeof v === 'string' && v.toLowerCase().endsWith(lower);
  }
  return name === 'prefix'
    ? (v) => typeof v === 'string' && v.startsWith(text)
    : (v) => typeof v === 'string' && v.endsWith(text);
}

function compileAnythingBut(arg: unknown, path: string): LeafPredicate {
  if (typeof arg === 'string') return (v) => v !== arg;
  if (typeof arg === 'number') {
    if (!Number.isFinite(arg)) throw new InvalidPatternError(`${path}: number must be finite`);
    return (v) => v !== arg;
  }
  if (Array.isArray(arg)) {
    if (arg.length === 0) throw new InvalidPatternError(`${path}: "anything-but" list must not be empty`);
    const allStrings = arg.every((x) => typeof x === 'string');
    const allNumbers = arg.every((x) => typeof x === 'number' && Number.isFinite(x));
    // Documented: the list must contain only strings or only numbers.
    if (!allStrings && !allNumbers) {
      throw new InvalidPatternError(`${path}: "anything-but" list must contain only strings or only numbers`);
    }
    const excluded = new Set<Leaf>(arg as Leaf[]);
    return (v) => !excluded.has(v);
  }
  if (isPlainObject(arg)) {
    const keys = Object.keys(arg);
    if (keys.length !== 1) {
      throw new InvalidPatternError(`${path}: nested "anything-but" expression must have exactly one operator key`);
    }
    const inner = keys[0]!;
    const innerPath = `${path}.${inner}`;
    // Non-strings can never start with/end with/equal/glob-match the excluded strings,
    // so they pass the nested anything-but forms.
    const excludedBy = (test: (s: string) => boolean): LeafPredicate => (v) => typeof v !== 'string' || !test(v);
    switch (inner) {
      case 'prefix': {
        const list = requireStringOrList(arg[inner], innerPath, { nonEmpty: true });
        return excludedBy((s) => list.some((p) => s.startsWith(p)));
      }
      case 'suffix': {
        const list = requireStringOrList(arg[inner], innerPath, { nonEmpty: true });
        return excludedBy((s) => list.some((p) => s.endsWith(p)));
      }
      case 'equals-ignore-case': {
        const set = new Set(requireStringOrList(arg[inner], innerPath).map((s) => s.toLowerCase()));
        return excludedBy((s) => set.has(s.toLowerCase()));
      }
      case 'wildcard': {
        const globs = requireStringOrList(arg[inner], innerPath).map((g, i) => compileWildcard(g, `${innerPath}[${i}]`));
        return excludedBy((s) => globs.some((g) => g(s)));
      }
      default:
        if ((SUPPORTED_OPERATORS as readonly string[]).includes(inner)) {
          throw new InvalidPatternError(
            `${path}: "anything-but" cannot be combined with "${inner}" (only prefix, suffix, equals-ignore-case, wildcard)`,
          );
        }
        throw new UnsupportedPatternError(`${path}: unsupported operator "${inner}" inside "anything-but"`);
    }
  }
  throw new InvalidPatternError(
    `${path}: "anything-but" takes a string, a number, a list of strings or numbers, or an object with prefix/suffix/equals-ignore-case/wildcard; got ${describeValue(arg)}`,
  );
}

const LOWER_OPS = new Set(['>', '>=']);
const UPPER_OPS = new Set(['<', '<=']);
const ALL_NUMERIC_OPS = new Set(['<', '<=', '=', '>', '>=']);

function compileNumeric(arg: unknown, path: string): LeafPredicate {
  if (!Array.isArray(arg) || arg.length === 0) {
    throw new InvalidPatternError(`${path}: "numeric" must be a non-empty array like [">", 0, "<=", 5]`);
  }
  const [op1, v1, op2, v2] = arg as unknown[];
  const checkOp = (op: unknown, allowed: Set<string>, position: string): string => {
    if (typeof op !== 'string' || !allowed.has(op)) {
      throw new InvalidPatternError(
        `${path}: ${position} numeric operator must be one of ${[...allowed].map((o) => `"${o}"`).join(', ')}, got ${describeValue(op)}`,
      );
    }
    return op;
  };
  const checkNum = (v: unknown, op: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidPatternError(`${path}: value after "${op}" must be a number, got ${describeValue(v)}`);
    }
    return v;
  };
  const first = checkOp(op1, ALL_NUMERIC_OPS, 'first');
  const a = checkNum(v1, first);
  if (arg.length === 2) return numericTest(first, a);
  if (arg.length !== 4) {
    throw new InvalidPatternError(`${path}: "numeric" takes one comparison or a lower and an upper bound (2 or 4 elements)`);
  }
  // A two-sided range is lower bound first, then upper bound, as in the AWS examples.
  checkOp(first, LOWER_OPS, 'first (lower bound)');
  const second = checkOp(op2, UPPER_OPS, 'second (upper bound)');
  const b = checkNum(v2, second);
  if (!(b > a)) throw new InvalidPatternError(`${path}: numeric range bottom must be less than top`);
  const lower = numericTest(first, a);
  const upper = numericTest(second, b);
  return (v) => lower(v) && upper(v);
}

function numericTest(op: string, n: number): LeafPredicate {
  switch (op) {
    case '<':
      return (v) => typeof v === 'number' && v < n;
    case '<=':
      return (v) => typeof v === 'number' && v <= n;
    case '=':
      return (v) => typeof v === 'number' && v === n;
    case '>':
      return (v) => typeof v === 'number' && v > n;
    default:
      return (v) => typeof v === 'number' && v >= n;
  }
}

function compileCidr(arg: unknown, path: string): LeafPredicate {
  const text = requireString(arg, path);
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) throw new InvalidPatternError(`${path}: malformed CIDR "${text}", expected address/prefix-length`);
  const address = m[1]!;
  const bits = Number(m[2]);
  const family = isIP(address);
  if (family === 0) throw new InvalidPatternError(`${path}: "${address}" is not an IPv4 or IPv6 address`);
  const maxBits = family === 4 ? 32 : 128;
  if (bits > maxBits) throw new InvalidPatternError(`${path}: prefix length ${bits} exceeds ${maxBits}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(address, bits, type);
  return (v) => {
    if (typeof v !== 'string' || isIP(v) !== family) return false;
    try {
      return list.check(v, type);
    } catch {
      return false; // e.g. IPv6 with a zone id
    }
  };
}

/**
 * `*` matches any run of characters (including none); `\*` is a literal asterisk and
 * `\\` a literal backslash. Consecutive wildcards and other escapes are invalid (per
 * event-ruler). Compiled to literal segments and matched left to right, which is exact
 * for `*`-only globs and cannot backtrack catastrophically like a regex could.
 */
function compileWildcard(pattern: string, path: string): (s: string) => boolean {
  const segments: string[] = [];
  let current = '';
  let prevStar = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') {
        throw new InvalidPatternError(`${path}: in a wildcard, a backslash may only escape "*" or "\\" (position ${i})`);
      }
      current += next;
      i++;
      prevStar = false;
    } else if (c === '*') {
      if (prevStar) throw new InvalidPatternError(`${path}: consecutive wildcard characters at position ${i}`);
      segments.push(current);
      current = '';
      prevStar = true;
    } else {
      current += c;
      prevStar = false;
    }
  }
  segments.push(current);
  if (segments.length === 1) {
    const literal = segments[0]!;
    return (s) => s === literal;
  }
  const head = segments[0]!;
  const tail = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1);
  const minLength = segments.reduce((n, seg) => n + seg.length, 0);
  return (s) => {
    if (s.length < minLength || !s.startsWith(head) || !s.endsWith(tail)) return false;
    let pos = head.length;
    const end = s.length - tail.length;
    for (const seg of middle) {
      const idx = s.indexOf(seg, pos);
      if (idx < 0 || idx + seg.length > end) return false;
      pos = idx + seg.length;
    }
    return true;
  };
}

// ---------------------------------------------------------------------------
// Helpers

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isLeaf(v: unknown): v is Leaf {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function requireString(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new InvalidPatternError(`${path}: must be a string, got ${describeValue(v)}`);
  return v;
}

function requireStringOrList(v: unknown, path: string, opts: { nonEmpty?: boolean } = {}): string[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) {
    throw new InvalidPatternError(`${path}: must be a string or a non-empty list of strings, got ${describeValue(v)}`);
  }
  if (opts.nonEmpty && list.some((s) => s === '')) {
    throw new InvalidPatternError(`${path}: empty strings are not allowed here`);
  }
  return list as string[];
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function where(path: string): string {
  return path === '' ? 'Event pattern' : path;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
