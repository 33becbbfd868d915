import type { CfnTemplate } from './synth.js';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';

/** What a resource's Ref and attributes resolve to locally. */
export interface PhysicalResource {
  ref: string;
  attrs: Record<string, string>;
}

export type PhysicalResolver = (logicalId: string) => PhysicalResource;

const pseudo: Record<string, string> = {
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'Restock',
  'AWS::NoValue': '',
};

export class UnsupportedIntrinsicError extends Error {}

/**
 * Resolves CloudFormation intrinsic functions in a template value against local physical
 * resources. Supports the functions CDK emits for this app (Ref, GetAtt, Join, Sub, Select,
 * Split, If with simple conditions) and refuses others by name rather than guessing.
 */
export function resolveIntrinsics(value: unknown, physical: PhysicalResolver, template?: CfnTemplate): any {
  const go = (v: unknown): any => {
    if (Array.isArray(v)) return v.map(go);
    if (v === null || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1) {
      const [fn] = keys as [string];
      const arg = obj[fn];
      switch (fn) {
        case 'Ref': {
          const name = arg as string;
          if (name in pseudo) return pseudo[name];
          return physical(name).ref;
        }
        case 'Fn::GetAtt': {
          const [id, attr] = Array.isArray(arg) ? (arg as [string, string]) : (String(arg).split('.') as [string, string]);
          const res = physical(id);
          const out = res.attrs[attr];
          if (out === undefined) return `local:${id}.${attr}`;
          return out;
        }
        case 'Fn::Join': {
          const [sep, parts] = arg as [string, unknown[]];
          return (go(parts) as unknown[]).join(sep);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [number | string, unknown];
          return (go(list) as unknown[])[Number(go(index))];
        }
        case 'Fn::Split': {
          const [sep, str] = arg as [string, unknown];
          return String(go(str)).split(sep);
        }
        case 'Fn::Sub': {
          const [text, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [arg as string, {}];
          const resolvedVars = go(vars) as Record<string, string>;
          return text.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
            if (name.startsWith('!')) return '${' + name.slice(1) + '}';
            if (name in resolvedVars) return String(resolvedVars[name]);
            if (name in pseudo) return pseudo[name]!;
            if (name.includes('.')) {
              const [id, attr] = name.split('.') as [string, string];
              return physical(id).attrs[attr] ?? `local:${name}`;
            }
            return physical(name).ref;
          });
        }
        case 'Fn::If': {
          const [, whenTrue, whenFalse] = arg as [string, unknown, unknown];
          // Conditions CDK adds here are region/partition checks; locally the default branch holds.
          void template;
          return go(whenFalse ?? whenTrue);
        }
        case 'Fn::GetAZs':
          return [`${LOCAL_REGION}a`, `${LOCAL_REGION}b`];
        case 'Fn::ImportValue':
        case 'Fn::FindInMap':
        case 'Fn::Base64':
        case 'Fn::Cidr':
          throw new UnsupportedIntrinsicError(`The local runtime does not resolve ${fn}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(obj)) out[k] = go(val);
    return out;
  };
  return go(value);
}
