/**
 * The single table's physical shape. Infra (infra/platform.ts) builds the table from these
 * names, and the data layer writes them, so the two cannot drift apart.
 */
export const TableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ttl: 'expiresAt',
} as const;
