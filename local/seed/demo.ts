import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LocalStack } from '../stack.js';

export interface DemoTenant {
  tenantId: string;
  adminKey: string;
}

/**
 * Seeds the demo shop on first start, through the public API like any operator would, and
 * remembers its keys in the data folder. Later capabilities extend the seed (catalog, stock).
 */
export async function seedDemo(stack: LocalStack, file: string, operatorKey: string): Promise<DemoTenant> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoTenant;
  const res = await fetch(`${stack.urls.api}/operator/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bottega Demo', contactEmail: 'owner@bottega-demo.example', locale: 'it', allowedOrigins: [stack.urls.console] }),
  });
  if (res.status !== 201) throw new Error(`Seeding the demo tenant failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { tenant: { tenantId: string }; adminKey: string };
  const demo = { tenantId: body.tenant.tenantId, adminKey: body.adminKey };
  writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}
