/**
 * Builds a value that satisfies an EventBridge pattern, leaf by leaf (first literal; a
 * prefix plus a suffix of ours; something else for anything-but; a number inside a numeric
 * range). Used to send a real event to rules that are not catalogue events.
 */
export function sampleFor(pattern: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') {
      Object.assign(out, sampleFor((value as Record<string, unknown>[])[0]!));
      continue;
    }
    if (Array.isArray(value)) {
      const leaf = value[0];
      out[key] = leafValue(leaf);
    } else if (value && typeof value === 'object') out[key] = sampleFor(value as Record<string, unknown>);
  }
  return out;
}

function leafValue(leaf: unknown): unknown {
  if (leaf === null || typeof leaf !== 'object') return leaf;
  const op = leaf as Record<string, any>;
  if ('prefix' in op) return `${typeof op.prefix === 'string' ? op.prefix : op.prefix['equals-ignore-case']}wiring-test`;
  if ('suffix' in op) return `wiring-test${op.suffix}`;
  if ('equals-ignore-case' in op) return op['equals-ignore-case'];
  if ('wildcard' in op) return String(op.wildcard).replace(/\*/g, 'x');
  if ('anything-but' in op) return 'wiring-test-other-value';
  if ('exists' in op) return op.exists ? 'present' : undefined;
  if ('numeric' in op) {
    const [cmp, n] = op.numeric as [string, number];
    return cmp.startsWith('>') ? n + 1 : cmp.startsWith('<') ? n - 1 : n;
  }
  if ('cidr' in op) return String(op.cidr).split('/')[0];
  throw new Error(`No sample for ${JSON.stringify(leaf)}`);
}
