import { describe, expect, it } from 'vitest';
import { api, consoleState, emailsTo, eventually, local, newTenant } from '../support/local.js';

local();

describe('the first end-to-end path', () => {
  it('gateway → Lambda → DynamoDB → EventBridge → rule → Step Functions → SES e-mail', async () => {
    const { tenantId, adminKey, contactEmail } = await newTenant('Emporio Rossi');

    // DynamoDB holds the tenant: read it back through the admin API with the issued key.
    const me = await api('GET', '/admin/tenant', { key: adminKey });
    expect(me.status).toBe(200);
    expect(me.body.tenant).toMatchObject({ tenantId, name: 'Emporio Rossi', status: 'active' });

    // The TenantCreated event matched the onboarding rule and started the workflow, whose
    // first task sent the welcome e-mail through SES.
    const [welcome] = await eventually(async () => {
      const mails = await emailsTo(contactEmail);
      return mails.some((m) => m.subject.includes('Welcome')) && mails;
    }, 'the welcome e-mail');
    expect(welcome!.subject).toBe('Welcome to Restock, Emporio Rossi');
    expect(welcome!.body.text).toContain(tenantId);

    const state = await consoleState(tenantId);
    const event = state.events.find((e) => e.detailType === 'TenantCreated' && e.matchedRules.some((r) => r.startsWith('TenantsOnTenantCreated')));
    expect(event).toBeDefined();

    // With time compressed (1 day = 1 s) the workflow waits, sees an empty catalog and nudges once.
    const reminder = await eventually(async () => (await emailsTo(contactEmail)).find((m) => m.subject.includes('catalog is still empty')), 'the setup reminder');
    expect(reminder.subject).toContain('Emporio Rossi');
    const exec = await eventually(
      async () => (await consoleState()).executions.find((e) => e.status === 'SUCCEEDED' && e.states.includes('Send setup reminder')),
      'the onboarding execution to finish',
    );
    expect(exec.states).toEqual(['Send welcome email', 'Wait for setup', 'Check setup', 'Catalog still empty?', 'Send setup reminder']);
    expect((await emailsTo(contactEmail)).length).toBe(2);
  });
});

describe('conventions at the edge', () => {
  it('answers a client mistake with 400, the field and the reason', async () => {
    const { operatorKey } = local();
    const res = await api('POST', '/operator/tenants', { key: operatorKey, body: { name: '', contactEmail: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    const fields = res.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.contactEmail']));
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const { operatorKey } = local();
    const res = await api('POST', '/operator/tenants', { key: operatorKey, raw: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'body', reason: 'invalid JSON' }]);
  });

  it('refuses missing, wrong and cross-purpose keys', async () => {
    const { adminKey } = await newTenant();
    expect((await api('GET', '/admin/tenant')).status).toBe(401);
    expect((await api('GET', '/admin/tenant', { key: adminKey.slice(0, -4) + 'AAAA' })).status).toBe(403);
    // An admin key is not an operator key.
    expect((await api('POST', '/operator/tenants', { key: adminKey, body: { name: 'x', contactEmail: 'a@b.example' } })).status).toBe(403);
  });

  it('keeps tenants apart: a key only ever reaches its own tenant', async () => {
    const a = await newTenant('Shop A');
    const b = await newTenant('Shop B');
    const asA = await api('GET', '/admin/tenant', { key: a.adminKey });
    const asB = await api('GET', '/admin/tenant', { key: b.adminKey });
    expect(asA.body.tenant.tenantId).toBe(a.tenantId);
    expect(asB.body.tenant.tenantId).toBe(b.tenantId);
    // A key naming tenant B but carrying A's secret is refused.
    const forged = b.adminKey.split('.').slice(0, 3).concat(a.adminKey.split('.')[3]!).join('.');
    expect((await api('GET', '/admin/tenant', { key: forged })).status).toBe(403);
  });
});
