import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client, type GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { Store } from '../../shared/data/store.js';
import { ConflictError, DomainError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { getMessagingSettings, messagingSettingsSchema, putMessagingSettings, type MessagingSettings } from '../../shared/messaging/settings.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);
const ses = new SESv2Client({});

// Everything but the sending domain, which only the domain routes change.
const settingsBody = messagingSettingsSchema.omit({ domain: true }).strict();

const domainBody = z.strictObject({
  domain: z
    .string()
    .max(253)
    .transform((s) => s.toLowerCase())
    .pipe(z.string().regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'a domain like "shop.example"')),
  fromLocalPart: z.string().regex(/^[A-Za-z0-9._%+-]{1,64}$/).default('alerts'),
});

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

export const routes = {
  'GET /admin/messaging/settings': httpHandler({ tenant: true }, async ({ auth }) => ({ body: { settings: await getMessagingSettings(store, auth.tenantId!) } })),

  'PUT /admin/messaging/settings': httpHandler({ body: settingsBody, tenant: true }, async ({ body, auth }) => {
    const current = await getMessagingSettings(store, auth.tenantId!);
    const settings = await putMessagingSettings(store, auth.tenantId!, { ...body, domain: current.domain });
    return { body: { settings } };
  }),

  /**
   * Starts SES verification of the tenant's own sending domain (Easy DKIM) and answers the
   * DNS records to publish. Until SES reports it verified, messages go out from the
   * platform's address with the tenant's name and Reply-To.
   */
  'POST /admin/messaging/domain': httpHandler({ body: domainBody, tenant: true }, async ({ body, auth }) => {
    const tenantId = auth.tenantId!;
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
  }),

  'GET /admin/messaging/domain': httpHandler({ tenant: true }, async ({ auth }) => {
    const settings = await getMessagingSettings(store, auth.tenantId!);
    if (!settings.domain) return { body: { domain: null, from: null, status: 'platform-default' } };
    return { body: await refresh(auth.tenantId!, settings) };
  }),
};
