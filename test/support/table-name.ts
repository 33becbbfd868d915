import { inject } from 'vitest';

let cached: string | undefined;

/** The local table's name, as the running stack resolved it from the template. */
export async function synthTableName(): Promise<string> {
  if (cached) return cached;
  const { urls } = inject('local');
  const state = (await (await fetch(`${urls.console}/_local/state`)).json()) as { tables: string[] };
  cached = state.tables[0]!;
  return cached;
}
