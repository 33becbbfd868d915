import type { EventBridgeEvent } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { Store } from '../../shared/data/store.js';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { parseEvent } from '../../shared/events/consume.js';
import { addDigestEntry, claimAlertWindow } from '../../shared/inventory/alerts.js';
import { sendEmail } from '../../shared/messaging/email.js';
import { logger } from '../../shared/observability/logger.js';
import { Tenant } from '../../shared/tenants/model.js';

const config = loadConfig(inventoryEnv);
const store = new Store(config.TABLE_NAME);

/**
 * StockLow / StockDepleted → the merchant hears about it: at once (at most once per variant
 * per window) or in the daily digest, as the tenant chose. Idempotent per event.
 */
export async function handler(event: EventBridgeEvent<string, unknown>) {
  const name = event['detail-type'] === 'StockDepleted' ? 'StockDepleted' : 'StockLow';
  const e = parseEvent(name, event);
  const tenant = await store.get(Tenant, { tenantId: e.tenantId });
  if (!tenant) return;
  const { alerts } = tenant.settings;
  await once(config.TABLE_NAME, { tenantId: e.tenantId, scope: 'low-stock-alert', id: e.eventId }, async () => {
    const d = e.data;
    const line = `${d.productTitle} (${d.sku}): ${d.available === 0 ? 'sold out' : `${d.available} left`}`;
    if (alerts.dailyDigest) {
      await addDigestEntry(config.TABLE_NAME, e.tenantId, { kind: 'low-stock', sku: d.sku, productId: d.productId, title: d.productTitle, line });
      return;
    }
    if (!(await claimAlertWindow(config.TABLE_NAME, e.tenantId, d.sku, alerts.lowStockWindowHours))) {
      logger.info('low-stock alert throttled', { tenantId: e.tenantId, sku: d.sku });
      return;
    }
    await sendEmail({
      to: alerts.email ?? tenant.contactEmail,
      from: config.SENDER_EMAIL,
      subject: `Low stock: ${d.productTitle} (${d.sku})`,
      text: `${line}.\n\nReorder now, or open preorders/backorders so shoppers can still buy.\n`,
    });
  });
}
