import { publishEvents } from '../events/publish.js';
import { logger } from '../observability/logger.js';
import { addDays } from './cadence.js';
import { activeSk, pendingSk, type WaitlistEntry } from './model.js';
import { exclusiveContentFor, productFacts, sendToEntry, type LinkContext } from './notify.js';
import type { WaitlistRepository } from './repository.js';
import type { WaitlistSettings } from './settings.js';
import { joinedEvent, tenantOf } from './signup.js';

/**
 * What happens to an entry after sign-up: confirmation (double opt-in), the step-1
 * confirmation message, keeping a place, leaving the line.
 */
export interface LifecycleDeps extends LinkContext {
  busName: string;
  repo: WaitlistRepository;
}

export type ConfirmResult =
  | { status: 'confirmed' | 'already_confirmed'; entry: WaitlistEntry; position: number }
  | { status: 'expired' }
  | { status: 'full'; cap: number };

/** Double opt-in: the pending entry takes its place in line (once, however often the link is opened). */
export async function confirmEntry(deps: LifecycleDeps, tenantId: string, listId: string, entryId: string, hashes: string[], now = new Date()): Promise<ConfirmResult> {
  const pending = await deps.repo.entryAt(tenantId, listId, pendingSk(entryId));
  if (!pending || (pending.status === 'pending' && isExpired(pending, now))) {
    const active = await findActiveById(deps, tenantId, listId, entryId, hashes);
    if (active) return { status: 'already_confirmed', entry: active, position: await deps.repo.position(tenantId, listId, active.seq!) };
    return { status: 'expired' };
  }
  const settings = (await tenantOf(deps.tableName, tenantId)).settings.waitlist;
  const seq = await deps.repo.allocateSeq(tenantId, listId);
  const result = await deps.repo.activate(pending, seq, now, { cap: settings.capPerVariant, reviewAt: addDays(now, settings.entryTtlDays), fromPending: true });
  if (result.status === 'full') return { status: 'full', cap: settings.capPerVariant! };
  if (result.status !== 'activated') {
    const active = await findActiveById(deps, tenantId, listId, entryId, hashes);
    if (active) return { status: 'already_confirmed', entry: active, position: await deps.repo.position(tenantId, listId, active.seq!) };
    return { status: 'expired' };
  }
  const position = await deps.repo.position(tenantId, listId, seq);
  await publishEvents(deps.busName, [joinedEvent(result.entry, position)]);
  return { status: 'confirmed', entry: result.entry, position };
}

// TTL deletes within days, not at the second: an expired pending entry is treated as gone.
const isExpired = (e: WaitlistEntry, now: Date) => typeof e.expiresAt === 'number' && e.expiresAt * 1000 < now.getTime();

async function findActiveById(deps: LifecycleDeps, tenantId: string, listId: string, entryId: string, hashes: string[]) {
  const entry = await deps.repo.findByContacts(tenantId, listId, hashes);
  return entry && entry.entryId === entryId && entry.status === 'active' ? entry : undefined;
}

/** Step 1 of the drip: "thanks, you are number N", sent once per entry (its purpose). */
export async function sendConfirmation(deps: LifecycleDeps, tenantId: string, listId: string, seq: number, position: number, now = new Date()) {
  const entry = await deps.repo.entryAt(tenantId, listId, activeSk(seq));
  if (!entry) return { sent: false, reason: 'gone' as const };
  const settings = (await tenantOf(deps.tableName, tenantId)).settings.waitlist;
  const facts = await productFacts(deps.tableName, tenantId, entry.productId, entry.sku, settings.productUrlTemplate);
  const result = await sendToEntry(deps, entry, {
    template: 'waitlist_confirmation',
    purpose: `waitlist:${entry.entryId}:confirm`,
    kind: 'transactional',
    data: {
      productTitle: facts.title,
      productUrl: facts.url,
      shopName: facts.shopName,
      position,
      link: facts.url,
      exclusiveContent: exclusiveContentFor(facts.perks, entry.locale),
    },
  });
  if (result.delivered > 0) await deps.repo.markMessage(entry, now);
  return { sent: result.delivered > 0, outcomes: result.outcomes };
}

/** "Yes, keep my place": the entry gets a fresh review date; the pending removal is lifted. */
export async function keepPlace(deps: LifecycleDeps, tenantId: string, listId: string, sk: string, entryId: string, now = new Date()) {
  const entry = await deps.repo.entryAt(tenantId, listId, sk);
  if (!entry || entry.entryId !== entryId) return { status: 'gone' as const };
  const settings = (await tenantOf(deps.tableName, tenantId)).settings.waitlist;
  await deps.repo.keep(entry, addDays(now, settings.entryTtlDays));
  return { status: 'kept' as const, entry, position: await deps.repo.position(tenantId, listId, entry.seq!) };
}

/** Takes an entry out of line and tells the platform (no contact data in the event). */
export async function leave(deps: LifecycleDeps, entry: WaitlistEntry, reason: 'cancelled' | 'expired' | 'erased'): Promise<boolean> {
  const removed = await deps.repo.removeActive(entry);
  if (removed && entry.status === 'active') {
    await publishEvents(deps.busName, [
      {
        name: 'WaitlistLeft',
        tenantId: entry.tenantId,
        eventId: `waitlist-left:${entry.entryId}`,
        data: { entryId: entry.entryId, listId: entry.listId, productId: entry.productId, sku: entry.sku ?? null, reason },
      },
    ]);
    logger.info('waitlist left', { listId: entry.listId, entryId: entry.entryId, reason });
  }
  return removed;
}

export type { WaitlistSettings };
