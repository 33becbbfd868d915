import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../data/client.js';
import { defineEntity, tenantKey } from '../../data/entity.js';
import { tenantIdSchema } from '../../tenants/model.js';
import { DEFAULT_LOCATION, idSchema } from '../model.js';

/**
 * A feed upload: one object under `feeds/<tenantId>/<feedId>/<filename>`, created (pending) when
 * the merchant asks for an upload URL, then processing → done | failed. It holds the options of
 * the upload (the presigned URL fixes only the key), so ingestion never trusts anything the
 * uploader could choose, and the report summary the merchant lists.
 */
export const FEED_PREFIX = 'feeds/';
/** Work files of split runs (partial reports); the bucket expires `reports/` after 90 days. */
export const WORK_PREFIX = 'reports/';
export const REPORT_FILENAME = 'report.json';

export const feedIdSchema = z.string().regex(/^f[a-z0-9]{10,40}$/, 'not a feed id');
export const feedFormats = ['csv', 'json', 'ndjson'] as const;

export const feedOptionsSchema = z.object({
  /** The file is a complete snapshot: SKU×location pairs absent from it go to zero. */
  full: z.boolean().default(false),
  /** Validate and diff, write the report, change nothing. */
  dryRun: z.boolean().default(false),
  /** Location of rows that name none. */
  location: idSchema.default(DEFAULT_LOCATION),
  /** Skips format detection (it is reliable; this is for odd files). */
  format: z.enum(feedFormats).optional(),
});
export type FeedOptions = z.infer<typeof feedOptionsSchema>;

export const feedCountsSchema = z.object({
  /** Data records read (header and blank lines excluded). rowsRead = applied + unchanged + rejected. */
  rowsRead: z.number().int().nonnegative(),
  /** Rows whose quantity changed (in a dry run: would change). */
  applied: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Full snapshot: SKU×location pairs absent from the file set to zero (dry run: would be). */
  zeroed: z.number().int().nonnegative(),
});
export type FeedCounts = z.infer<typeof feedCountsSchema>;

export const feedStatuses = ['pending', 'processing', 'done', 'failed'] as const;
export type FeedStatus = (typeof feedStatuses)[number];

export const Feed = defineEntity({
  type: 'Feed',
  schema: z.object({
    tenantId: tenantIdSchema,
    feedId: feedIdSchema,
    filename: z.string(),
    objectKey: z.string(),
    reportKey: z.string(),
    options: feedOptionsSchema,
    status: z.enum(feedStatuses),
    /** single: one streamed pass in the trigger; split: the byte-range workflow. */
    path: z.enum(['single', 'split']).optional(),
    attempts: z.number().int().nonnegative().default(0),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    uploadExpiresAt: z.iso.datetime(),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    objectSize: z.number().int().nonnegative().optional(),
    format: z.enum(feedFormats).optional(),
    compressed: z.boolean().optional(),
    mode: z.enum(['full', 'delta']).optional(),
    counts: feedCountsSchema.optional(),
    events: z.number().int().nonnegative().optional(),
    /** Why the run failed (infrastructure) or why the file was refused as a whole. */
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
  key: (k: { tenantId: string; feedId: string }) => ({ pk: tenantKey(k.tenantId), sk: `FEED#${k.feedId}` }),
});
export type Feed = z.infer<typeof Feed.schema>;

/** Time-ordered ids (newest last in key order), so a reverse query lists recent feeds first. */
export function newFeedId(now = Date.now()): string {
  return `f${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

/**
 * A safe object name from whatever the merchant's file was called: the base name only, limited
 * to letters, digits, `.`, `_` and `-`, never `report.json` (the report's own name).
 */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let safe = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  if (safe.length > 100) {
    const ext = safe.match(/(\.[A-Za-z0-9]{1,8}){1,2}$/)?.[0] ?? '';
    safe = safe.slice(0, 100 - ext.length) + ext;
  }
  if (!safe) safe = 'feed';
  if (safe.toLowerCase() === REPORT_FILENAME) safe = `feed-${safe}`;
  return safe;
}

export const feedObjectKey = (tenantId: string, feedId: string, filename: string) => `${FEED_PREFIX}${tenantId}/${feedId}/${filename}`;
export const feedReportKey = (tenantId: string, feedId: string) => `${FEED_PREFIX}${tenantId}/${feedId}/${REPORT_FILENAME}`;
export const feedWorkPrefix = (tenantId: string, feedId: string, runId: string) => `${WORK_PREFIX}${tenantId}/${feedId}/${runId}/`;

const KEY_PATTERN = /^feeds\/(t[a-z0-9]{10,30})\/(f[a-z0-9]{10,40})\/([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

/**
 * Reads tenant, feed and file name from an object key; undefined for anything that is not an
 * upload (malformed keys, the report itself). Who may write under the tenant's prefix is decided
 * by the presigned URL; the caller still checks the key against the tenant's Feed record.
 */
export function parseFeedObjectKey(key: string): { tenantId: string; feedId: string; filename: string } | undefined {
  const m = KEY_PATTERN.exec(key);
  if (!m || m[3] === REPORT_FILENAME) return undefined;
  return { tenantId: m[1]!, feedId: m[2]!, filename: m[3]! };
}

/** Partial updates of a Feed record (status, counts…), always within its tenant's key. */
export async function updateFeed(tableName: string, k: { tenantId: string; feedId: string }, fields: Partial<Omit<Feed, 'tenantId' | 'feedId'>>, opts: { incrementAttempts?: boolean; clearError?: boolean } = {}): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  let n = 0;
  for (const [field, value] of Object.entries({ updatedAt: new Date().toISOString(), ...fields })) {
    if (value === undefined) continue;
    n++;
    names[`#f${n}`] = field;
    values[`:v${n}`] = value;
    sets.push(`#f${n} = :v${n}`);
  }
  if (opts.incrementAttempts) {
    names['#att'] = 'attempts';
    values[':one'] = 1;
    values[':zero'] = 0;
    sets.push('#att = if_not_exists(#att, :zero) + :one');
  }
  const remove = opts.clearError ? ' REMOVE #err' : '';
  if (opts.clearError) names['#err'] = 'error';
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: Feed.key(k),
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      // Never create a half record: a feed exists only once its upload URL was handed out.
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
