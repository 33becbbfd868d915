/**
 * A natural order for variant attributes. DynamoDB does not keep the order of map keys, so
 * the order the merchant created variants in is lost; shoppers expect S, M, L and 38, 39, 40
 * rather than L, M, S. Size ladders and numbers sort naturally, anything else alphabetically.
 */
const SIZE_LADDER = ['xxxs', '3xs', 'xxs', '2xs', 'xs', 's', 'm', 'l', 'xl', 'xxl', '2xl', 'xxxl', '3xl', '4xl', '5xl'];
const AXIS_PRIORITY = ['size', 'taglia', 'misura', 'colour', 'color', 'colore'];

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareValues(a: string, b: string): number {
  const la = SIZE_LADDER.indexOf(a.trim().toLowerCase());
  const lb = SIZE_LADDER.indexOf(b.trim().toLowerCase());
  if (la >= 0 && lb >= 0) return la - lb;
  if (la >= 0 !== lb >= 0) return la >= 0 ? -1 : 1;
  const na = Number(a.replace(',', '.'));
  const nb = Number(b.replace(',', '.'));
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sizes first, then colours, then other attributes alphabetically. */
export function compareAxes(a: string, b: string): number {
  const pa = AXIS_PRIORITY.indexOf(a.toLowerCase());
  const pb = AXIS_PRIORITY.indexOf(b.toLowerCase());
  if (pa >= 0 || pb >= 0) return (pa < 0 ? Infinity : pa) - (pb < 0 ? Infinity : pb);
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Variants in shopper order: by their attribute values along the sorted axes, then by SKU. */
export function compareVariants(a: { sku: string; attributes: Record<string, string> }, b: { sku: string; attributes: Record<string, string> }): number {
  const axes = [...new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)])].sort(compareAxes);
  for (const axis of axes) {
    const va = a.attributes[axis];
    const vb = b.attributes[axis];
    if (va === vb) continue;
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    const c = compareValues(va, vb);
    if (c) return c;
  }
  return collator.compare(a.sku, b.sku) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
}
