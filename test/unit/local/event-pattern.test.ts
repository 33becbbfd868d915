import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  compilePattern,
  EventPatternError,
  InvalidPatternError,
  matchesPattern,
  UnsupportedPatternError,
} from '../../../local/eventbridge/event-pattern.js';

// Examples come from the AWS EventBridge user guide unless noted:
// - "Creating event patterns" / "Event pattern syntax"
//   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
// - "Content filtering in Amazon EventBridge event patterns" / "Comparison operators"
//   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
// - "Matching events on null values and empty strings"
//   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html
// - "Matching on multiple field values" (arrays)
//   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
// - aws/event-ruler README (the engine behind EventBridge) for $or and array-consistency.

/** The sample EC2 event used throughout the docs and the event-ruler README. */
const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail: { ...ec2Event.detail, ...detail } });
const match = (pattern: unknown, event: unknown = ec2Event) => matchesPattern(pattern, event);

describe('structure: fields AND, values OR, nesting', () => {
  it('matches the documented simple pattern', () => {
    const pattern = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(match(pattern)).toBe(true);
    expect(match(pattern, withDetail({ state: 'initializing' }))).toBe(true);
    expect(match(pattern, withDetail({ state: 'stopped' }))).toBe(false);
  });

  it('requires every field (AND) and accepts any listed value (OR)', () => {
    expect(match({ source: ['aws.ec2', 'aws.fargate'] })).toBe(true);
    expect(match({ source: ['aws.fargate'] })).toBe(false);
    expect(match({ source: ['aws.ec2'], region: ['eu-west-1'] })).toBe(false);
    expect(match({ source: ['aws.ec2'], region: ['us-east-1'] })).toBe(true);
  });

  it('needs the field names at the same nesting as the pattern', () => {
    expect(match({ detail: { state: ['running'] } })).toBe(true);
    expect(match({ state: ['running'] })).toBe(false);
    expect(match({ detail: { state: ['running'] } }, { ...ec2Event, detail: undefined })).toBe(false);
    expect(match({ detail: { state: ['running'] } }, { ...ec2Event, detail: 'running' })).toBe(false);
  });

  it('ignores event fields the pattern does not name', () => {
    expect(match({ detail: { 'instance-id': ['i-000000aaaaaa00000'] } })).toBe(true);
  });

  it('accepts the pattern as a JSON string, as PutRule carries it', () => {
    expect(matchesPattern('{"source":["aws.ec2"]}', ec2Event)).toBe(true);
    expect(() => compilePattern('{"source":')).toThrow(InvalidPatternError);
  });

  it('does not match non-object events', () => {
    const m = compilePattern({ source: [{ exists: false }] });
    expect(m(null)).toBe(false);
    expect(m('aws.ec2')).toBe(false);
    expect(m([ec2Event])).toBe(false);
  });
});

describe('arrays in events', () => {
  // "Matching on multiple field values": intersection of pattern and event arrays.
  const pattern = {
    resources: [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
    ],
  };

  it('matches when the pattern array and the event array intersect', () => {
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(match(pattern, event)).toBe(true);
  });

  it('does not match when they do not intersect, or the event array is empty', () => {
    expect(match(pattern, { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] })).toBe(false);
    expect(match(pattern, { resources: [] })).toBe(false);
  });

  it('applies operators to each element', () => {
    expect(match({ tags: [{ prefix: 'env:' }] }, { tags: ['team:a', 'env:prod'] })).toBe(true);
    expect(match({ n: [{ numeric: ['>', 10] }] }, { n: [1, 2, 30] })).toBe(true);
    expect(match({ n: [{ numeric: ['>', 100] }] }, { n: [1, 2, 30] })).toBe(false);
  });

  // event-ruler README "JSON Array Matching".
  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it('crushes arrays of objects: a nested pattern matches any element', () => {
    expect(match({ employees: { firstName: ['Anna'] } }, employees)).toBe(true);
    expect(match({ employees: { firstName: ['Zoe'] } }, employees)).toBe(false);
  });

  it('is array-consistent: all fields must match within the same element', () => {
    expect(match({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees)).toBe(true);
    expect(match({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees)).toBe(false);
  });

  it('crushes multi-level arrays', () => {
    const nested = { employees: [[employees.employees[0], employees.employees[1]], [employees.employees[2]]] };
    expect(match({ employees: { firstName: ['Peter'] } }, nested)).toBe(true);
  });
});

describe('exact matching', () => {
  it('compares numbers numerically (300 matches 300.0)', () => {
    expect(match(JSON.parse('{"x":[300.0]}'), JSON.parse('{"x":300}'))).toBe(true);
    expect(match({ x: [300] }, { x: 300.0 })).toBe(true);
    expect(match({ 'x-limit': [301.8] }, ec2Event.detail)).toBe(true);
    expect(match({ x: [300] }, { x: 300.5 })).toBe(false);
  });

  it('keeps JSON types apart', () => {
    expect(match({ x: ['5'] }, { x: 5 })).toBe(false);
    expect(match({ x: [5] }, { x: '5' })).toBe(false);
    expect(match({ x: [true] }, { x: true })).toBe(true);
    expect(match({ x: [true] }, { x: 'true' })).toBe(false);
    expect(match({ x: [false] }, { x: 0 })).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(match({ source: ['AWS.EC2'] })).toBe(false);
  });

  describe('null and empty strings (null-values page example)', () => {
    const event = {
      version: '0',
      'detail-type': 'EC2 Instance Launch Successful',
      source: 'aws.autoscaling',
      resources: [],
      detail: { eventVersion: '', responseElements: null },
    };

    it('matches an empty string and a null value', () => {
      expect(match({ detail: { eventVersion: [''] } }, event)).toBe(true);
      expect(match({ detail: { responseElements: [null] } }, event)).toBe(true);
    });

    it('does not treat null and "" as interchangeable', () => {
      expect(match({ detail: { eventVersion: [null] } }, event)).toBe(false);
      expect(match({ detail: { responseElements: [''] } }, event)).toBe(false);
    });

    it('does not match null against a missing field', () => {
      expect(match({ detail: { missing: [null] } }, event)).toBe(false);
    });
  });
});

describe('prefix', () => {
  it('matches the documented time prefix', () => {
    expect(match({ time: [{ prefix: '2017-10-02' }] })).toBe(true);
    expect(match({ time: [{ prefix: '2017-10-03' }] })).toBe(false);
  });

  it('matches European regions (documented example)', () => {
    const pattern = { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] };
    expect(match(pattern, { source: 'aws.autoscaling', region: 'eu-west-1' })).toBe(true);
    expect(match(pattern, { source: 'aws.autoscaling', region: 'us-east-1' })).toBe(false);
  });

  it('only works on strings and is case-sensitive', () => {
    expect(match({ n: [{ prefix: '12' }] }, { n: 123 })).toBe(false);
    expect(match({ region: [{ prefix: 'US-' }] })).toBe(false);
  });

  it('empty prefix matches every string (the documented catch-all)', () => {
    expect(match({ source: [{ prefix: '' }] })).toBe(true);
    expect(match({ source: [{ prefix: '' }] }, { other: 1 })).toBe(false);
  });

  it('supports equals-ignore-case (documented "EventB" example)', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbus']) {
      expect(match(pattern, { detail: { service } })).toBe(true);
    }
    expect(match(pattern, { detail: { service: 'Events' } })).toBe(false);
  });
});

describe('suffix', () => {
  it('matches the documented .png example', () => {
    expect(match({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(match({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' })).toBe(false);
    expect(match({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.jpg' })).toBe(false);
  });

  it('supports equals-ignore-case', () => {
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(match(pattern, { detail: { FileName: 'image.PNG' } })).toBe(true);
    expect(match(pattern, { detail: { FileName: 'image.PnG' } })).toBe(true);
    expect(match(pattern, { detail: { FileName: 'image.pngx' } })).toBe(false);
  });

  it('only works on strings', () => {
    expect(match({ n: [{ suffix: '3' }] }, { n: 123 })).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches any casing (documented "alice" example)', () => {
    expect(match({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alice' })).toBe(true);
    expect(match({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' })).toBe(true);
    expect(match({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
    expect(match({ source: [{ 'equals-ignore-case': 'EC2' }] }, { source: 'ec2' })).toBe(true);
  });
});

describe('wildcard', () => {
  it('matches the event-ruler "Simple*Service" example', () => {
    const p = { source: [{ wildcard: 'Simple*Service' }] };
    expect(match(p, { source: 'SimpleQueueService' })).toBe(true);
    expect(match(p, { source: 'SimpleService' })).toBe(true); // * also matches nothing
    expect(match(p, { source: 'SimpleQueueServices' })).toBe(false);
    expect(match(p, { source: 'simpleQueueService' })).toBe(false);
  });

  it('supports several wildcards', () => {
    const p = { arn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    expect(match(p, { arn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' })).toBe(true);
    expect(match(p, { arn: 'arn:aws:events:eu-west-1:123456789012:event-bus/default' })).toBe(false);
    expect(match({ p: [{ wildcard: '*/lib/*' }] }, { p: '/usr/lib/x.so' })).toBe(true);
    expect(match({ p: [{ wildcard: '*/lib/*' }] }, { p: '/usr/share/x' })).toBe(false);
  });

  it('treats \\* as a literal asterisk and \\\\ as a literal backslash', () => {
    expect(match({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(match({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axb' })).toBe(false);
    expect(match({ v: [{ wildcard: 'a\\\\*' }] }, { v: 'a\\anything' })).toBe(true);
  });

  it('rejects consecutive wildcards and bad escapes', () => {
    expect(() => compilePattern({ v: [{ wildcard: 'a**b' }] })).toThrow(/consecutive wildcard/);
    expect(() => compilePattern({ v: [{ wildcard: 'a\\b' }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ wildcard: 'a\\' }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ wildcard: 5 }] })).toThrow(InvalidPatternError);
  });

  it('only works on strings', () => {
    expect(match({ v: [{ wildcard: '*' }] }, { v: 5 })).toBe(false);
    expect(match({ v: [{ wildcard: '*' }] }, { v: '' })).toBe(true);
  });
});

describe('anything-but', () => {
  it('single string and single number (documented)', () => {
    expect(match({ detail: { state: [{ 'anything-but': 'initializing' }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': 'running' }] } })).toBe(false);
    expect(match({ detail: { 'x-limit': [{ 'anything-but': 123 }] } })).toBe(true);
    expect(match({ detail: { 'x-limit': [{ 'anything-but': 301.8 }] } })).toBe(false);
  });

  it('list of strings and list of numbers (documented)', () => {
    expect(match({ detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } })).toBe(false);
    expect(match({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } })).toBe(true);
    expect(match({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, { detail: { 'x-limit': 200 } })).toBe(false);
  });

  it('excludes sources: all but EC2 and S3, all but CloudTrail (documented)', () => {
    const p = { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] };
    expect(match(p)).toBe(false);
    expect(match(p, { source: 'aws.lambda' })).toBe(true);
    const q = { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] };
    expect(match(q)).toBe(true);
    expect(match(q, { 'detail-type': 'AWS API Call via CloudTrail' })).toBe(false);
  });

  it('prefix (documented "init" and "aws." examples)', () => {
    const p = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(match(p)).toBe(true);
    expect(match(p, { detail: { state: 'initializing' } })).toBe(false);
    const own = { source: [{ 'anything-but': { prefix: 'aws.' } }] };
    expect(match(own)).toBe(false);
    expect(match(own, { source: 'com.restock.orders' })).toBe(true);
  });

  it('suffix', () => {
    const p = { FileName: [{ 'anything-but': { suffix: '.png' } }] };
    expect(match(p, { FileName: 'a.jpg' })).toBe(true);
    expect(match(p, { FileName: 'a.png' })).toBe(false);
  });

  it('equals-ignore-case, single and list', () => {
    const p = { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] };
    expect(match(p, { state: 'INITIALIZING' })).toBe(false);
    expect(match(p, { state: 'running' })).toBe(true);
    const list = { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] };
    expect(match(list, { state: 'Stopped' })).toBe(false);
    expect(match(list, { state: 'running' })).toBe(true);
  });

  it('wildcard (documented "*/lib/*" example)', () => {
    const p = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
    expect(match(p, { FilePath: '/usr/lib/libc.so' })).toBe(false);
    expect(match(p, { FilePath: '/usr/bin/ls' })).toBe(true);
  });

  it('does not match a missing field', () => {
    expect(match({ detail: { nope: [{ 'anything-but': 'x' }] } })).toBe(false);
    expect(match({ detail: { nope: [{ 'anything-but': { prefix: 'x' } }] } })).toBe(false);
  });

  it('matches a null value and values of other types', () => {
    expect(match({ command: [{ 'anything-but': ['no-message'] }] }, { command: null })).toBe(true);
    expect(match({ v: [{ 'anything-but': 'initializing' }] }, { v: 5 })).toBe(true);
    expect(match({ v: [{ 'anything-but': { prefix: 'init' } }] }, { v: 5 })).toBe(true);
  });

  it('with an event array, matches if any element is not excluded', () => {
    expect(match({ v: [{ 'anything-but': 'a' }] }, { v: ['a', 'b'] })).toBe(true);
    expect(match({ v: [{ 'anything-but': 'a' }] }, { v: ['a', 'a'] })).toBe(false);
  });

  it('rejects malformed forms', () => {
    expect(() => compilePattern({ v: [{ 'anything-but': ['a', 1] }] })).toThrow(/only strings or only numbers/);
    expect(() => compilePattern({ v: [{ 'anything-but': [] }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ 'anything-but': true }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ 'anything-but': { prefix: '' } }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ 'anything-but': { numeric: ['>', 1] } }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ 'anything-but': { regex: 'x' } }] })).toThrow(UnsupportedPatternError);
  });
});

describe('numeric', () => {
  it('matches the documented example (all fields must hold)', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(match(pattern)).toBe(true);
    expect(match(pattern, withDetail({ 'c-count': 6 }))).toBe(false);
    expect(match(pattern, withDetail({ 'c-count': 0 }))).toBe(false);
    expect(match(pattern, withDetail({ 'd-count': 10 }))).toBe(false);
    expect(match(pattern, withDetail({ 'x-limit': 301.9 }))).toBe(false);
  });

  it('honours each operator at its boundary', () => {
    const at = (op: string, bound: number, v: number) => match({ n: [{ numeric: [op, bound] }] }, { n: v });
    expect([at('<', 5, 4), at('<', 5, 5)]).toEqual([true, false]);
    expect([at('<=', 5, 5), at('<=', 5, 6)]).toEqual([true, false]);
    expect([at('=', 5, 5), at('=', 5, 5.000001)]).toEqual([true, false]);
    expect([at('>', 5, 6), at('>', 5, 5)]).toEqual([true, false]);
    expect([at('>=', 5, 5), at('>=', 5, 4)]).toEqual([true, false]);
    expect(match({ n: [{ numeric: ['>=', 0, '<', 1] }] }, { n: 1 })).toBe(false);
  });

  it('only works on JSON numbers', () => {
    expect(match({ n: [{ numeric: ['>', 0] }] }, { n: '5' })).toBe(false);
    expect(match({ n: [{ numeric: ['>', 0] }] }, { n: true })).toBe(false);
    expect(match({ n: [{ numeric: ['>', 0] }] }, {})).toBe(false);
  });

  it('rejects malformed ranges', () => {
    for (const numeric of [[], ['>'], ['>', '1'], ['~', 1], ['<', 10, '>', 0], ['>', 5, '<', 5], ['>', 0, '<', 5, '<', 6], [1, 2], '>5']) {
      expect(() => compilePattern({ n: [{ numeric }] }), JSON.stringify(numeric)).toThrow(InvalidPatternError);
    }
  });
});

describe('exists', () => {
  it('exists:false matches when the field is absent (documented)', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    const event = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(match(pattern, event)).toBe(true);
    expect(match(pattern)).toBe(false); // ec2Event has detail.c-count = 5
  });

  it('exists:false also matches when the field is an intermediate node (documented)', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    expect(match(pattern, { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } })).toBe(true);
  });

  it('exists:true matches leaf values only', () => {
    const pattern = { detail: { description: [{ exists: true }] } };
    expect(match(pattern, { detail: { description: 'text' } })).toBe(true);
    expect(match(pattern, { detail: { description: '' } })).toBe(true);
    expect(match(pattern, { detail: { description: 0 } })).toBe(true);
    expect(match(pattern, { detail: {} })).toBe(false);
    expect(match(pattern, { detail: { description: { nested: 1 } } })).toBe(false);
  });

  it('counts a null value as present', () => {
    expect(match({ foo: [{ exists: true }] }, { foo: null })).toBe(true);
    expect(match({ foo: [{ exists: false }] }, { foo: null })).toBe(false);
  });

  it('treats an empty array as absent', () => {
    expect(match({ foo: [{ exists: true }] }, { foo: [] })).toBe(false);
    expect(match({ foo: [{ exists: false }] }, { foo: [] })).toBe(true);
    expect(match({ foo: [{ exists: true }] }, { foo: ['x'] })).toBe(true);
  });

  it('exists:false matches when a whole parent object is missing', () => {
    expect(match({ detail: { 'c-count': [{ exists: false }] } }, { source: 'x' })).toBe(true);
  });

  it('can be ORed with values', () => {
    const pattern = { v: ['a', { exists: false }] };
    expect(match(pattern, { v: 'a' })).toBe(true);
    expect(match(pattern, {})).toBe(true);
    expect(match(pattern, { v: 'b' })).toBe(false);
  });

  it('requires a boolean', () => {
    expect(() => compilePattern({ v: [{ exists: 'yes' }] })).toThrow(InvalidPatternError);
  });
});

describe('cidr', () => {
  it('matches the documented IPv4 example', () => {
    const pattern = { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } };
    expect(match(pattern)).toBe(true); // 10.0.0.33
    expect(match(pattern, withDetail({ 'source-ip': '10.0.0.255' }))).toBe(true);
    expect(match(pattern, withDetail({ 'source-ip': '10.0.1.1' }))).toBe(false);
    expect(match(pattern, withDetail({ 'source-ip': 'not-an-ip' }))).toBe(false);
    expect(match({ detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } })).toBe(true);
  });

  it('matches IPv6', () => {
    const pattern = { ip: [{ cidr: '2001:db8::/32' }] };
    expect(match(pattern, { ip: '2001:db8::1' })).toBe(true);
    expect(match(pattern, { ip: '2001:db8:ffff:ffff::1' })).toBe(true);
    expect(match(pattern, { ip: '2001:db9::1' })).toBe(false);
    expect(match(pattern, { ip: '10.0.0.1' })).toBe(false);
  });

  it('rejects malformed CIDRs', () => {
    for (const cidr of ['10.0.0.0', '10.0.0.0/33', '10.0.0/24', '2001:db8::/129', 'x/8', 5]) {
      expect(() => compilePattern({ ip: [{ cidr }] }), String(cidr)).toThrow(InvalidPatternError);
    }
  });
});

describe('$or', () => {
  // event-ruler README "Rule examples with $or Primitive".
  it('normal or: source && (metricName || namespace)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(match(pattern, { source: 'aws.cloudwatch', metricName: 'ReadLatency' })).toBe(true);
    expect(match(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(match(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false);
    expect(match(pattern, { source: 'aws.ec2', metricName: 'ReadLatency' })).toBe(false);
  });

  it('parallel or, including inside a nested object', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(match(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(match(pattern, { namespace: 'AWS/EC2', detail: { source: 'other' } })).toBe(false);
  });

  it('nested or with and inside', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
        { scope: ['Service'] },
      ],
    };
    expect(match(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 })).toBe(true);
    expect(match(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 })).toBe(false);
    expect(match(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 })).toBe(false);
    expect(match(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('rejects malformed $or', () => {
    expect(() => compilePattern({ $or: [{ a: ['x'] }] })).toThrow(/at least two/);
    expect(() => compilePattern({ $or: { a: ['x'] } })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ $or: [{ a: ['x'] }, 'b'] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ $or: [{ a: ['x'] }, {}] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ a: [{ $or: [] }] })).toThrow(InvalidPatternError);
  });
});

describe('validation', () => {
  it('refuses operators it does not implement, naming them', () => {
    expect(() => compilePattern({ foo: [{ regex: 'x' }] })).toThrow(UnsupportedPatternError);
    expect(() => compilePattern({ foo: [{ regex: 'x' }] })).toThrow(/"regex"/);
    expect(() => compilePattern({ detail: { foo: [{ contains: 'x' }] } })).toThrow(/detail\.foo\[0\].*"contains"/);
  });

  it('rejects a leaf that is not an array', () => {
    expect(() => compilePattern({ source: 'aws.ec2' })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ source: 5 })).toThrow(/source: must be an object or an array/);
    expect(() => compilePattern({ detail: { state: null } })).toThrow(InvalidPatternError);
  });

  it('rejects empty objects and arrays, including the empty pattern (as AWS does)', () => {
    expect(() => compilePattern({})).toThrow(/empty objects/);
    expect(() => compilePattern({ source: ['aws.health'], detail: {} })).toThrow(/detail: empty objects/);
    expect(() => compilePattern({ source: [] })).toThrow(/empty arrays/);
  });

  it('rejects non-object patterns and bad match values', () => {
    for (const bad of [null, [], 'not json', 42]) {
      expect(() => compilePattern(bad), String(bad)).toThrow(InvalidPatternError);
    }
    expect(() => compilePattern({ v: [['nested']] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{}] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ prefix: 'a', suffix: 'b' }] })).toThrow(/exactly one operator/);
    expect(() => compilePattern({ v: [{ prefix: 1 }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ prefix: { 'equals-ignore-case': 1 } }] })).toThrow(InvalidPatternError);
    expect(() => compilePattern({ v: [{ 'equals-ignore-case': ['a'] }] })).toThrow(InvalidPatternError);
  });

  it('both error classes share a base class', () => {
    expect(() => compilePattern({ v: [{ regex: 'x' }] })).toThrow(EventPatternError);
    expect(() => compilePattern({ v: 'x' })).toThrow(EventPatternError);
  });
});

describe('properties', () => {
  const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
  const leaf = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(leaf, { maxLength: 3 }),
      fc.dictionary(key, tie('node'), { maxKeys: 3 }),
    ),
  }));
  const event = fc.dictionary(key, node, { minKeys: 1, maxKeys: 5 });

  /** A pattern that names every field of `obj` with a value the event actually holds. */
  const patternFrom = (obj: Record<string, unknown>): Record<string, unknown> => {
    const pattern: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (Array.isArray(v)) pattern[k] = v.length > 0 ? [v[0]] : [{ exists: false }];
      else if (v !== null && typeof v === 'object') {
        const sub = patternFrom(v as Record<string, unknown>);
        // An object is not a leaf, so exists:false is what AWS would match on it.
        pattern[k] = Object.keys(sub).length > 0 ? sub : [{ exists: false }];
      } else pattern[k] = [v];
    }
    return pattern;
  };

  it('a pattern built from an event\'s own values matches that event', () => {
    fc.assert(fc.property(event, (e) => matchesPattern(patternFrom(e), e)));
  });

  it('an exists:true for each leaf field matches', () => {
    fc.assert(
      fc.property(event, (e) => {
        const pattern: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(e)) {
          if (v === null || typeof v !== 'object') pattern[k] = [{ exists: true }];
        }
        fc.pre(Object.keys(pattern).length > 0);
        return matchesPattern(pattern, e);
      }),
    );
  });

  const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

  it('anything-but a value never matches that value, and matches any other', () => {
    fc.assert(
      fc.property(scalar, scalar, (excluded, other) => {
        const m = compilePattern({ v: [{ 'anything-but': excluded }] });
        expect(m({ v: excluded })).toBe(false);
        expect(m({ v: other })).toBe(!Object.is(other, excluded) && other !== excluded);
        expect(m({})).toBe(false);
      }),
    );
  });

  it('prefix, suffix and equals-ignore-case agree with the string functions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 4 }), (s, part) => {
        expect(matchesPattern({ v: [{ prefix: part }] }, { v: s })).toBe(s.startsWith(part));
        expect(matchesPattern({ v: [{ suffix: part }] }, { v: s })).toBe(s.endsWith(part));
        expect(matchesPattern({ v: [{ prefix: part }] }, { v: part + s })).toBe(true);
        expect(matchesPattern({ v: [{ 'equals-ignore-case': s.toUpperCase() }] }, { v: s.toLowerCase() })).toBe(
          s.toUpperCase().toLowerCase() === s.toLowerCase(),
        );
      }),
    );
  });

  it('numeric ranges agree with direct comparison', () => {
    const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(num, num, num, (a, b, v) => {
        fc.pre(a < b);
        const m = compilePattern({ n: [{ numeric: ['>', a, '<=', b] }] });
        expect(m({ n: v })).toBe(v > a && v <= b);
      }),
    );
  });

  it('a wildcard made by starring out the middle of a string matches it', () => {
    const escape = (s: string) => s.replace(/[\\*]/g, (c) => `\\${c}`);
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (a, b, c) => {
        expect(matchesPattern({ v: [{ wildcard: `${escape(a)}*${escape(c)}` }] }, { v: a + b + c })).toBe(true);
        expect(matchesPattern({ v: [{ wildcard: escape(a + b + c) }] }, { v: a + b + c })).toBe(true);
      }),
    );
  });
});
