import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, UnsupportedIntrinsicError } from '../../../local/template/intrinsics.js';

const physical = (id: string) => ({ ref: `ref-${id}`, attrs: { Arn: `arn:${id}` } });

describe('resolveIntrinsics', () => {
  it('resolves Ref, GetAtt, Join, Sub, Select and Split as CloudFormation does', () => {
    expect(resolveIntrinsics({ Ref: 'Table' }, physical)).toBe('ref-Table');
    expect(resolveIntrinsics({ Ref: 'AWS::Region' }, physical)).toBe('us-east-1');
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['Fn', 'Arn'] }, physical)).toBe('arn:Fn');
    expect(resolveIntrinsics({ 'Fn::Join': ['/', ['a', { Ref: 'B' }]] }, physical)).toBe('a/ref-B');
    expect(resolveIntrinsics({ 'Fn::Sub': 'x-${B}-${Fn.Arn}-${AWS::AccountId}-${!Literal}' }, physical)).toBe('x-ref-B-arn:Fn-000000000000-${Literal}');
    expect(resolveIntrinsics({ 'Fn::Sub': ['${a}:${B}', { a: { Ref: 'C' } }] }, physical)).toBe('ref-C:ref-B');
    expect(resolveIntrinsics({ 'Fn::Select': [1, { 'Fn::Split': [':', 'a:b:c'] }] }, physical)).toBe('b');
    expect(resolveIntrinsics({ nested: [{ Ref: 'X' }, 3] }, physical)).toEqual({ nested: ['ref-X', 3] });
  });

  it('refuses intrinsics it cannot resolve instead of guessing', () => {
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'Other' }, physical)).toThrow(UnsupportedIntrinsicError);
  });
});
