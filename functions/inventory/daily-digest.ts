import type { ScheduledEvent } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { Store } from '../../shared/data/store.js';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { clearDigestMarker, digestDay, digestEntries, renderDigest, tenantsWithDigest } from '../../shared/inventory/alerts.js';
import { sendEmail } from '../../shared/messaging/email.js';
import { Tenant } from '../../shared/tenants/model.js';

const config = loadConfig(inventoryEnv);
const store = new Store(config.TABLE_NAME);

/**
 * Daily schedule: one digest e-mail per tenant with what was collected the previous day
 * (low stock now, reorder suggestions from forecasting) — at most one per tenant per day.
 */
export async function handler(event: ScheduledEvent) {
  const day = digestDay(new Date(Date.parse(event.time ?? new Date().toISOString()) - 86_400_000));
  const today = digestDay(new Date(event.time ?? Date.now()));
  let sent = 0;
  for (const date of [day, today]) {
    for (const tenantId of await tenantsWithDigest(config.TABLE_NAME, date)) {
      const tenant = await store.get(Tenant, { tenantId });
      const entries = await digestEntries(config.TABLE_NAME, tenantId, date);
      if (tenant && entries.length) {
        const r = await once(config.TABLE_NAME, { tenantId, scope: 'daily-digest', id: date }, async () => {
          const { subject, text } = renderDigest(tenant.name, date, entries);
          return sendEmail({ to: tenant.settings.alerts.email ?? tenant.contactEmail, from: config.SENDER_EMAIL, subject, text });
        });
        if (r.ran) sent++;
      }
      await clearDigestMarker(config.TABLE_NAME, tenantId, date);
    }
  }
  return { sent };
}
