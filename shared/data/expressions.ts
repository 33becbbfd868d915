/**
 * DynamoDB refuses expression attribute names or values that no expression uses. Builders
 * that add placeholders conditionally prune them here, once, instead of tracking usage.
 */
export function pruneUnused<N extends Record<string, string>, V extends Record<string, unknown>>(
  names: N,
  values: V,
  ...expressions: (string | undefined)[]
): { ExpressionAttributeNames?: N; ExpressionAttributeValues?: V } {
  const text = expressions.filter(Boolean).join(' ');
  const used = (k: string) => new RegExp(`${k.replace(/[$]/g, '\\$&')}(?![A-Za-z0-9_])`).test(text);
  const n = Object.fromEntries(Object.entries(names).filter(([k]) => used(k))) as N;
  const v = Object.fromEntries(Object.entries(values).filter(([k]) => used(k))) as V;
  return { ExpressionAttributeNames: Object.keys(n).length ? n : undefined, ExpressionAttributeValues: Object.keys(v).length ? v : undefined };
}
