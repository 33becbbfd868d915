import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { once } from '../../shared/data/idempotency.js';
import { sendEmail } from '../../shared/messaging/email.js';
import { Tenant } from '../../shared/tenants/model.js';
import { logger } from '../../shared/observability/logger.js';

const config = loadConfig({ ...baseEnv, SENDER_EMAIL: z.email(), PUBLIC_API_URL: z.string().default('') });
const store = new Store(config.TABLE_NAME);

const input = z.object({ tenantId: z.string(), step: z.enum(['welcome', 'setup-reminder']), eventId: z.string() });

const copy = {
  welcome: (t: Tenant) => ({
    subject: `Welcome to Restock, ${t.name}`,
    text: `Hello ${t.name},\n\nyour Restock tenant ${t.tenantId} is ready.\n\nNext steps:\n1. Add your catalog and stock (admin API or an inventory feed in S3).\n2. Paste the notify-me widget into your product pages.\n3. Watch sold-out products turn into waitlists.\n\nAPI: ${config.PUBLIC_API_URL}\n`,
  }),
  'setup-reminder': (t: Tenant) => ({
    subject: `${t.name}: your catalog is still empty`,
    text: `Hello ${t.name},\n\nyou have not added any products yet. Upload an inventory feed to get started.\n`,
  }),
};

/**
 * Step Functions task of the onboarding workflow. Idempotent per (event, step): a retried
 * task or a redelivered event never sends the same e-mail twice.
 */
export async function handler(raw: unknown) {
  const { tenantId, step, eventId } = input.parse(raw);
  const tenant = await store.get(Tenant, { tenantId });
  if (!tenant) return { sent: false, reason: 'tenant-gone' };
  const outcome = await once(config.TABLE_NAME, { tenantId, scope: `onboarding-${step}`, id: eventId }, async () => {
    const { subject, text } = copy[step](tenant);
    return sendEmail({ to: tenant.contactEmail, from: config.SENDER_EMAIL, subject, text });
  });
  logger.info('onboarding email', { tenantId, step, sent: outcome.ran });
  return { sent: outcome.ran };
}
