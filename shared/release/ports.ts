import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { shopperRef } from '../inventory/orders.js';
import { getOverride } from '../messaging/templates/store.js';
import { builtinTemplate } from '../messaging/templates/render.js';
import type { TemplateName } from '../messaging/types.js';
import { activeSk, listIdOf, listPk, entrySchema, type WaitlistEntry } from '../waitlist/model.js';
import { sendToEntry, type LinkContext, type SendPlan, type SendSummary } from '../waitlist/notify.js';
import { WaitlistRepository } from '../waitlist/repository.js';
import { Store } from '../data/store.js';

/**
 * What a release needs from the rest of Restock, as small interfaces with the default
 * adapters over the waitlist (shared/waitlist) and messaging (shared/messaging, whose
 * deliver() the waitlist's sendToEntry calls) code. Tests swap a port to inject faults.
 */

export interface WaitingPage {
  entries: WaitlistEntry[];
  /** The highest join sequence read (the next read starts after it). */
  lastSeq?: number;
  more: boolean;
}

export interface AudienceSource {
  /** The waitlists a release of this variant reaches: the variant's own, then the product's. */
  lists(productId: string, sku: string): string[];
  /** Active entries of a list in join order, after a join sequence. */
  page(tenantId: string, listId: string, afterSeq: number, limit: number): Promise<WaitingPage>;
  /** People waiting on the lists now. */
  count(tenantId: string, listIds: string[]): Promise<number>;
  /** Entries by list and join sequence (those that left are simply absent). */
  entries(tenantId: string, refs: { listId: string; seq: number }[]): Promise<Map<string, WaitlistEntry>>;
}

/** Allocations owed to preorders / backorders: the first segment. A later issue fills it. */
export interface AllocationSource {
  page(tenantId: string, sku: string, after: string | undefined, limit: number): Promise<{ entries: WaitlistEntry[]; more: boolean }>;
}

export interface Sender {
  send(entry: WaitlistEntry, plan: SendPlan): Promise<SendSummary>;
}

export interface TemplateCatalog {
  /** Whether the tenant has this template in this language (its own override or a built-in). */
  has(tenantId: string, template: TemplateName, locale: string): Promise<boolean>;
}

export interface ReleasePorts {
  audience: AudienceSource;
  allocations: AllocationSource;
  sender: Sender;
  templates: TemplateCatalog;
}

export const entryKeyOf = (listId: string, seq: number) => `${listId}|${seq}`;

/** The inventory's pseudonyms for a waiting person: by shop id and by e-mail (orders carry one of them). */
export function refsOfEntry(tenantId: string, e: Pick<WaitlistEntry, 'shopperId' | 'email'>): string[] {
  const refs = [e.shopperId ? shopperRef(tenantId, { id: e.shopperId }) : undefined, e.email ? shopperRef(tenantId, { email: e.email }) : undefined];
  return [...new Set(refs.filter((r): r is string => !!r))];
}

export function waitlistAudience(tableName: string): AudienceSource {
  const repo = new WaitlistRepository(tableName);
  return {
    lists: (productId, sku) => [listIdOf({ productId, sku }), listIdOf({ productId })],
    async page(tenantId, listId, afterSeq, limit) {
      const res = await repo.pageActive(tenantId, listId, { fromSeq: afterSeq + 1, limit });
      const entries = res.entries.filter((e) => e.status === 'active' && e.seq !== undefined);
      return { entries, lastSeq: entries.length ? entries[entries.length - 1]!.seq : undefined, more: !!res.cursor };
    },
    async count(tenantId, listIds) {
      let n = 0;
      for (const listId of listIds) n += (await repo.summary(tenantId, listId, true))?.active ?? 0;
      return n;
    },
    async entries(tenantId, refs) {
      const out = new Map<string, WaitlistEntry>();
      let keys = refs.map((r) => ({ pk: listPk(tenantId, r.listId), sk: activeSk(r.seq) }));
      const unique = new Map(keys.map((k) => [`${k.pk}|${k.sk}`, k]));
      keys = [...unique.values()];
      for (let i = 0; i < keys.length; i += 100) {
        let pending: Record<string, unknown>[] = keys.slice(i, i + 100);
        for (let attempt = 0; pending.length; attempt++) {
          if (attempt > 8) throw new Error('BatchGetItem left waitlist entries unread');
          if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
          const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
          for (const item of res.Responses?.[tableName] ?? []) {
            const parsed = entrySchema.safeParse(item);
            if (parsed.success && parsed.data.status === 'active' && parsed.data.seq !== undefined) out.set(entryKeyOf(parsed.data.listId, parsed.data.seq), parsed.data);
          }
          pending = (res.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return out;
    },
  };
}

export const noAllocations: AllocationSource = {
  page: async () => ({ entries: [], more: false }),
};

export function messagingSender(ctx: LinkContext): Sender {
  return { send: (entry, plan) => sendToEntry(ctx, entry, plan) };
}

export function templateCatalog(tableName: string): TemplateCatalog {
  const store = new Store(tableName);
  return {
    async has(tenantId, template, locale) {
      const lang = locale.toLowerCase().split(/[-_]/)[0] ?? locale;
      if (builtinTemplate(template, lang)) return true;
      return !!(await getOverride(store, tenantId, template, lang)) || !!(await getOverride(store, tenantId, template, locale));
    },
  };
}

export function defaultPorts(ctx: LinkContext): ReleasePorts {
  return { audience: waitlistAudience(ctx.tableName), allocations: noAllocations, sender: messagingSender(ctx), templates: templateCatalog(ctx.tableName) };
}
