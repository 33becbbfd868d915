import type { CfnResourceJson, CfnTemplate } from './synth.js';

/** A stack's template and the templates of its nested stacks, by the logical id of their `AWS::CloudFormation::Stack`. */
export interface StackTree {
  /** The stack's construct id (a capability's name for nested stacks). */
  name: string;
  template: CfnTemplate & { Parameters?: Record<string, unknown> };
  children: Record<string, StackTree>;
}

/**
 * Flattens a stack and its nested stacks into one template, as the local runtime reads it:
 * each nested stack's resources join the parent's, a nested template's `Ref` to one of its
 * parameters becomes the value its parent passes, and a parent's `GetAtt <nested>.Outputs.X`
 * becomes the nested output's value — so references across stacks resolve exactly as
 * CloudFormation resolves them on deploy. A nested stack's logical ids take its name as a
 * prefix where they lack it (`OnTenantCreated…` in the Tenants stack becomes
 * `TenantsOnTenantCreated…`), so ids stay unique and tell which capability owns them.
 */
export function flattenStacks(tree: StackTree): CfnTemplate {
  const resources: Record<string, CfnResourceJson> = {};
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const [id, res] of Object.entries(tree.template.Resources)) {
    if (res.Type === 'AWS::CloudFormation::Stack' && tree.children[id]) continue;
    resources[id] = res;
  }
  for (const [stackId, child] of Object.entries(tree.children)) {
    const flat = prefixIds(flattenStacks(child), child.name);
    const passed = (tree.template.Resources[stackId]?.Properties?.Parameters ?? {}) as Record<string, unknown>;
    const params = new Map(Object.keys(child.template.Parameters ?? {}).map((p) => [p, passed[p]]));
    const substituted = substitute(flat, (node) => {
      if (isRef(node) && params.has(node.Ref)) return params.get(node.Ref);
      return undefined;
    }, params) as CfnTemplate;
    for (const [id, res] of Object.entries(substituted.Resources)) {
      if (resources[id]) throw new Error(`Logical id ${id} exists in two stacks; the local runtime needs unique ids`);
      resources[id] = res;
    }
    outputs[stackId] = Object.fromEntries(Object.entries(substituted.Outputs ?? {}).map(([k, o]) => [k, (o as { Value: unknown }).Value]));
  }
  let merged: CfnTemplate = { Resources: resources, Outputs: tree.template.Outputs };
  // Outputs of one nested stack can feed another's parameters: replace until nothing is left.
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    merged = substitute(merged, (node) => {
      const target = nestedOutput(node);
      if (!target) return undefined;
      const value = outputs[target.stack]?.[target.output];
      if (value === undefined) return undefined;
      changed = true;
      return value;
    }) as CfnTemplate;
    if (!changed) break;
  }
  for (const res of Object.values(merged.Resources)) {
    if (res.DependsOn) {
      const deps = (Array.isArray(res.DependsOn) ? res.DependsOn : [res.DependsOn]).filter((d) => merged.Resources[d]);
      res.DependsOn = deps;
    }
  }
  return merged;
}

const isRef = (v: unknown): v is { Ref: string } => !!v && typeof v === 'object' && Object.keys(v).length === 1 && typeof (v as { Ref?: unknown }).Ref === 'string';

function nestedOutput(v: unknown): { stack: string; output: string } | undefined {
  if (!v || typeof v !== 'object' || Object.keys(v).length !== 1) return undefined;
  const arg = (v as Record<string, unknown>)['Fn::GetAtt'];
  if (arg === undefined) return undefined;
  const [stack, attr] = Array.isArray(arg) ? (arg as [string, string]) : String(arg).split(/\.(.*)/s);
  if (typeof attr !== 'string' || !attr.startsWith('Outputs.')) return undefined;
  return { stack: stack!, output: attr.slice('Outputs.'.length) };
}

/**
 * Rebuilds a JSON value, replacing any node for which `replace` answers a value. Inside
 * `Fn::Sub` strings, `${Param}` of a replaced parameter becomes a variable of the Sub.
 */
function substitute(value: unknown, replace: (node: unknown) => unknown, params?: Map<string, unknown>): unknown {
  const go = (v: unknown): unknown => {
    const r = replace(v);
    if (r !== undefined) return r;
    if (Array.isArray(v)) return v.map(go);
    if (!v || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    if (params && Object.keys(obj).length === 1 && 'Fn::Sub' in obj) {
      const arg = obj['Fn::Sub'];
      const [text, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [arg as string, {}];
      const extra: Record<string, unknown> = {};
      for (const m of text.matchAll(/\$\{([^}!.]+)\}/g)) if (params.has(m[1]!) && !(m[1]! in vars)) extra[m[1]!] = params.get(m[1]!);
      if (Object.keys(extra).length) return { 'Fn::Sub': [text, go({ ...vars, ...extra })] };
    }
    return Object.fromEntries(Object.entries(obj).map(([k, val]) => [k, go(val)]));
  };
  return go(value);
}

/** Renames a template's resources to carry `prefix`, rewriting every reference to them. */
function prefixIds(template: CfnTemplate, prefix: string): CfnTemplate {
  const renamed = new Map(Object.keys(template.Resources).map((id) => [id, id.startsWith(prefix) ? id : `${prefix}${id}`]));
  const rename = (id: string) => renamed.get(id) ?? id;
  const rewrite = (value: unknown): unknown => substitute(value, (node) => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || Object.keys(node).length !== 1) return undefined;
    const obj = node as Record<string, unknown>;
    if (typeof obj.Ref === 'string' && renamed.has(obj.Ref)) return { Ref: rename(obj.Ref) };
    const att = obj['Fn::GetAtt'];
    if (att !== undefined) {
      const [id, attr] = Array.isArray(att) ? (att as [string, string]) : (String(att).split(/\.(.*)/s) as [string, string]);
      if (renamed.has(id)) return { 'Fn::GetAtt': [rename(id), attr] };
    }
    const sub = obj['Fn::Sub'];
    if (sub !== undefined) {
      const [text, vars] = Array.isArray(sub) ? (sub as [string, Record<string, unknown>]) : [sub as string, undefined];
      const out = text.replace(/\$\{([^}!.]+)(\.[^}]*)?\}/g, (m, id: string, attr = '') => (renamed.has(id) && !(vars && id in vars) ? `\${${rename(id)}${attr}}` : m));
      if (out !== text) return { 'Fn::Sub': vars ? [out, rewrite(vars)] : out };
    }
    return undefined;
  });
  const rewritten = rewrite(template) as CfnTemplate;
  const resources: Record<string, CfnResourceJson> = {};
  for (const [id, res] of Object.entries(rewritten.Resources)) {
    if (res.DependsOn) res.DependsOn = (Array.isArray(res.DependsOn) ? res.DependsOn : [res.DependsOn]).map(rename);
    resources[rename(id)] = res;
  }
  return { ...rewritten, Resources: resources };
}
