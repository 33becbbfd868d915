import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { Store } from '../../shared/data/store.js';
import { sendEmail } from '../../shared/messaging/email.js';
import { logger } from '../../shared/observability/logger.js';
import { tenantsEnv } from '../../shared/tenants/env.js';
import { Tenant } from '../../shared/tenants/model.js';

const config = loadConfig(tenantsEnv);
const store = new Store(config.TABLE_NAME);

const input = z.discriminatedUnion('step', [
  z.object({ step: z.enum(['welcome', 'setup-reminder']), tenantId: z.string(), eventId: z.string() }),
  z.object({ step: z.literal('check-setup'), tenantId: z.string() }),
]);

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
 * Tasks of the onboarding workflow: the e-mails, idempotent per (event, step) so a retried
 * task or a redelivered event never sends one twice, and the check whether the tenant still
 * needs a setup reminder.
 */
export async function handler(raw: unknown) {
  const task = input.parse(raw);
  const tenant = await store.get(Tenant, { tenantId: task.tenantId });
  if (task.step === 'check-setup') return { needsReminder: !!tenant && tenant.status === 'active' && tenant.productCount === 0 };
  if (!tenant) return { sent: false, reason: 'tenant-gone' };
  const outcome = await once(config.TABLE_NAME, { tenantId: task.tenantId, scope: `onboarding-${task.step}`, id: task.eventId }, async () => {
    const { subject, text } = copy[task.step](tenant);
    return sendEmail({ to: tenant.contactEmail, from: config.SENDER_EMAIL, subject, text });
  });
  logger.info('onboarding email', { tenantId: task.tenantId, step: task.step, sent: outcome.ran });
  return { sent: outcome.ran };
}
