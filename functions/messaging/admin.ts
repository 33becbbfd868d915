import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client, type GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { Store } from '../../shared/data/store.js';
import { ConflictError, DomainError, UnprocessableError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { messagingEnv } from '../../shared/messaging/env.js';
import { listByStatus, listForRecipient } from '../../shared/messaging/ledger.js';
import { getMessagingSettings, putMessagingSettings, type MessagingSettings } from '../../shared/messaging/settings.js';
import { EXAMPLE_DATA, REQUIRED_DATA, SUPPORTED_LOCALES, TEMPLATE_NAMES, type StoredTemplate } from '../../shared/messaging/templates/model.js';
import { builtinTemplate, render, templateProblems } from '../../shared/messaging/templates/render.js';
import { deleteOverride, getOverride, listOverrides, putOverride } from '../../shared/messaging/templates/store.js';
import type { TemplateName } from '../../shared/messaging/types.js';
import { messagingAdmin } from './routes.js';

const config = loadConfig(messagingEnv);
const store = new Store(config.TABLE_NAME);
const ses = new SESv2Client({});

/** What a merchant sees for a template: the text in force, where it comes from, and a preview. */
async function view(tenantId: string, name: TemplateName, locale: string, own: StoredTemplate | undefined) {
  const builtin = builtinTemplate(name, locale);
  const template = own ?? builtin;
  const preview = template
    ? await render({
        tenantId,
        recipientId: 'preview',
        template: name,
        locale,
        channel: 'email',
        kind: 'marketing',
        content: template,
        variants: own?.variants,
        data: EXAMPLE_DATA,
        shopName: String(EXAMPLE_DATA.shopName),
        unsubscribeUrl: 'https://example.invalid/u/preview',
      })
    : undefined;
  return {
    name,
    locale,
    source: own ? 'override' : builtin ? 'builtin' : 'none',
    template: template ?? null,
    builtin: builtin ?? null,
    requiredData: REQUIRED_DATA[name],
    exampleData: EXAMPLE_DATA,
    preview: preview ? { subject: preview.subject, text: preview.text, sms: preview.sms, variant: preview.variant } : null,
  };
}

type Identity = GetEmailIdentityCommandOutput;

function identityView(domain: NonNullable<MessagingSettings['domain']>, identity: Identity) {
  const tokens = identity.DkimAttributes?.Tokens ?? [];
  return {
    domain: domain.name,
    from: `${domain.fromLocalPart}@${domain.name}`,
    status: domain.status,
    verifiedForSending: identity.VerifiedForSendingStatus === true,
    dkimStatus: identity.DkimAttributes?.Status ?? 'NOT_STARTED',
    // Easy DKIM: three CNAMEs to publish in the domain's DNS.
    dnsRecords: tokens.map((t) => ({ type: 'CNAME', name: `${t}._domainkey.${domain.name}`, value: `${t}.dkim.amazonses.com` })),
    checkedAt: domain.checkedAt,
  };
}

/** SES identity calls; the local SES emulator has no identity API, which is said plainly. */
async function sesIdentity<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'UnknownOperationException' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NotFoundException')) {
      throw new DomainError(503, 'unavailable', 'The SES endpoint in use does not support domain verification (the local SES emulator has no identity API)');
    }
    throw error;
  }
}

async function refresh(tenantId: string, settings: MessagingSettings) {
  const domain = settings.domain!;
  const identity = await sesIdentity(() => ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain.name })));
  const status = identity.VerifiedForSendingStatus ? 'verified' : identity.DkimAttributes?.Status === 'FAILED' ? 'failed' : 'pending';
  const updated = { ...domain, status, checkedAt: new Date().toISOString() } as const;
  if (status !== domain.status) await putMessagingSettings(store, tenantId, { ...settings, domain: updated });
  return identityView(updated, identity);
}

/** The merchant's messaging admin: templates, sends that need a look, sending policy and domain. */
export const handler = serve(messagingAdmin, {
  listTemplates: async ({ tenantId }) => {
    const overrides = await listOverrides(store, tenantId);
    const items = TEMPLATE_NAMES.flatMap((name) => {
      const locales = new Set<string>([...SUPPORTED_LOCALES, ...overrides.filter((o) => o.name === name).map((o) => o.locale)]);
      return [...locales].map((locale) => {
        const own = overrides.find((o) => o.name === name && o.locale === locale);
        return { name, locale, source: own ? 'override' : 'builtin', updatedAt: own?.updatedAt };
      });
    });
    return { body: { items } };
  },

  getTemplate: async ({ path, tenantId }) => ({ body: await view(tenantId, path.name, path.locale, await getOverride(store, tenantId, path.name, path.locale)) }),

  putTemplate: async ({ path, body, tenantId }) => {
    const problems = templateProblems(body);
    if (problems.length) throw new UnprocessableError('Template cannot be used', problems);
    await putOverride(store, tenantId, path.name, path.locale, body);
    return { body: await view(tenantId, path.name, path.locale, body) };
  },

  deleteTemplate: async ({ path, tenantId }) => {
    await deleteOverride(store, tenantId, path.name, path.locale);
    return { status: 204 };
  },

  listMessages: async ({ query, tenantId }) => {
    const page = query.recipientId
      ? await listForRecipient(config.TABLE_NAME, tenantId, query.recipientId, { limit: query.limit, cursor: query.cursor })
      : await listByStatus(config.TABLE_NAME, tenantId, query.status, { limit: query.limit, cursor: query.cursor });
    return { body: { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
  },

  getMessagingSettings: async ({ tenantId }) => ({ body: { settings: await getMessagingSettings(store, tenantId) } }),

  putMessagingSettings: async ({ body, tenantId }) => {
    const current = await getMessagingSettings(store, tenantId);
    return { body: { settings: await putMessagingSettings(store, tenantId, { ...body, domain: current.domain }) } };
  },

  getSendingDomain: async ({ tenantId }) => {
    const settings = await getMessagingSettings(store, tenantId);
    if (!settings.domain) return { body: { domain: null, from: null, status: 'platform-default' } };
    return { body: await refresh(tenantId, settings) };
  },

  /**
   * Starts SES verification of the tenant's own sending domain (Easy DKIM) and answers the
   * DNS records to publish. Until SES reports it verified, messages go out from the
   * platform's address with the tenant's name and Reply-To.
   */
  verifySendingDomain: async ({ body, tenantId }) => {
    // SES identities are account-wide: a domain belongs to the first tenant that claims it,
    // or another tenant could send as a domain someone else verified.
    try {
      await dynamo.send(
        new PutCommand({
          TableName: config.TABLE_NAME,
          Item: { pk: `PLATFORM#DOMAIN#${body.domain}`, sk: 'DOMAIN', _type: 'SendingDomainOwner', tenantId, claimedAt: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :t',
          ExpressionAttributeValues: { ':t': tenantId },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('This domain is registered by another tenant');
      throw error;
    }
    await sesIdentity(async () => {
      try {
        await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: body.domain }));
      } catch (error) {
        if ((error as Error).name !== 'AlreadyExistsException') throw error;
      }
    });
    const settings = await getMessagingSettings(store, tenantId);
    const next = { ...settings, domain: { name: body.domain, fromLocalPart: body.fromLocalPart, status: 'pending' as const, checkedAt: new Date().toISOString() } };
    await putMessagingSettings(store, tenantId, next);
    return { status: 202, body: await refresh(tenantId, next) };
  },
});
