import * as z from 'zod';
import { feedCountsSchema, feedFormats, type FeedCounts } from './feed-record.js';
import { REJECT_CODES, type FeedField, type FeedRejection } from './types.js';

/**
 * The report written next to every feed (`feeds/<tenant>/<feed>/report.json`): exact counts, and
 * each rejected row with its line, field and reason. The detailed list is capped (a broken
 * million-row export must not produce a 200 MB report); counts are always exact.
 */
export const MAX_REPORTED_REJECTIONS = 10_000;

/** Parser codes plus what only ingestion can know (the catalog, the tenant's locations). */
export const ingestRejectCodeSchema = z.enum([...REJECT_CODES, 'unknown_sku', 'invalid_location', 'unknown_location']);
export type IngestRejectCode = z.infer<typeof ingestRejectCodeSchema>;

const feedFieldSchema = z.enum(['sku', 'quantity', 'location', 'row'] satisfies FeedField[]);

export const reportedRejectionSchema = z
  .object({
    line: z.number().int().positive(),
    field: feedFieldSchema,
    code: ingestRejectCodeSchema,
    reason: z.string(),
    sku: z.string().optional(),
    location: z.string().optional(),
    /** duplicate_key: where the SKU×location first appeared. */
    firstLine: z.number().int().positive().optional().meta({ description: 'duplicate_key: the line where the SKU × location first appeared.' }),
    /** Start of the record text, for rows that could not be read field by field. */
    raw: z.string().optional().meta({ description: 'The start of the record, for rows that could not be read field by field.' }),
  })
  .meta({ id: 'FeedRejection' });
export type ReportedRejection = z.infer<typeof reportedRejectionSchema>;

export const snapshotOutcomeSchema = z.object({
  /** Pairs set to zero (in a dry run: that would be). */
  zeroed: z.number().int().nonnegative(),
  /** Set when zeroing did not run, with the reason. */
  skipped: z.string().optional(),
});
export type SnapshotOutcome = z.infer<typeof snapshotOutcomeSchema>;

/** The part of a report one pass (or one byte range) produces; merged for split runs. */
export const reportBodySchema = z.object({
  counts: feedCountsSchema,
  rejectedByCode: z.partialRecord(ingestRejectCodeSchema, z.number().int().positive()),
  rejections: z.array(reportedRejectionSchema).meta({ description: `Each rejected row, in file order (at most ${MAX_REPORTED_REJECTIONS.toLocaleString('en')}; counts are always exact).` }),
  rejectionsTruncated: z.boolean(),
  /** Availability transitions the changes caused, and the events they published. */
  transitions: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});
export type ReportBody = z.infer<typeof reportBodySchema>;

export const feedReportSchema = reportBodySchema
  .extend({
    reportVersion: z.literal(1),
    tenantId: z.string(),
    feedId: z.string(),
    objectKey: z.string(),
    filename: z.string(),
    status: z.enum(['done', 'failed']),
    dryRun: z.boolean(),
    mode: z.enum(['full', 'delta']),
    format: z.enum(feedFormats).optional(),
    compressed: z.boolean(),
    path: z.enum(['single', 'split', 'http']),
    ranges: z.number().int().nonnegative().optional(),
    snapshot: snapshotOutcomeSchema.optional(),
    /** The file could not be read to its end (or at all): what and where. */
    fileError: z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() }).optional().meta({ description: 'The file could not be read to its end (or at all): what and where.' }),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().nonnegative(),
  })
  .meta({ id: 'FeedReport' });
export type FeedReport = z.infer<typeof feedReportSchema>;

/** What the API and the CLI show of a report with the feed: everything but the detailed rejections. */
export const feedReportSummarySchema = feedReportSchema
  .omit({ rejections: true })
  .extend({ firstRejections: z.array(reportedRejectionSchema).meta({ description: 'The first 20 rejected rows.' }) })
  .meta({ id: 'FeedReportSummary' });

/** POST /admin/stock/rows: the feed pipeline's report, with each rejection's index in `rows`. */
export const rowsReportSchema = reportBodySchema.extend({
  dryRun: z.boolean(),
  rejections: z.array(reportedRejectionSchema.extend({ row: z.number().int().nonnegative().meta({ description: 'Index of the row in `rows` (0-based).' }) })),
});
export type RowsReport = z.infer<typeof rowsReportSchema>;

export function emptyBody(): ReportBody {
  return {
    counts: { rowsRead: 0, applied: 0, unchanged: 0, rejected: 0, zeroed: 0 },
    rejectedByCode: {},
    rejections: [],
    rejectionsTruncated: false,
    transitions: 0,
    events: 0,
  };
}

export class ReportBuilder {
  readonly body: ReportBody = emptyBody();

  reject(r: ReportedRejection | FeedRejection): void {
    const b = this.body;
    b.counts.rejected++;
    b.rejectedByCode[r.code] = (b.rejectedByCode[r.code] ?? 0) + 1;
    if (b.rejections.length >= MAX_REPORTED_REJECTIONS) {
      b.rejectionsTruncated = true;
      return;
    }
    const out: ReportedRejection = { line: r.line, field: r.field, code: r.code, reason: r.reason };
    if (r.sku !== undefined) out.sku = r.sku;
    if (r.location !== undefined) out.location = r.location;
    if (r.firstLine !== undefined) out.firstLine = r.firstLine;
    if (r.raw !== undefined) out.raw = r.raw;
    b.rejections.push(out);
  }
}

/**
 * Merges per-range bodies in range order. Ranges cover increasing lines, so concatenating their
 * (individually capped) lists and capping again keeps exactly the first rejections of the file.
 */
export function mergeBodies(parts: ReportBody[]): ReportBody {
  const out = emptyBody();
  for (const p of parts) {
    for (const k of Object.keys(out.counts) as (keyof FeedCounts)[]) out.counts[k] += p.counts[k];
    for (const [code, n] of Object.entries(p.rejectedByCode) as [IngestRejectCode, number][]) out.rejectedByCode[code] = (out.rejectedByCode[code] ?? 0) + n;
    out.transitions += p.transitions;
    out.events += p.events;
    const room = MAX_REPORTED_REJECTIONS - out.rejections.length;
    if (p.rejections.length > room || p.rejectionsTruncated) out.rejectionsTruncated = true;
    if (room > 0) out.rejections.push(...p.rejections.slice(0, room));
  }
  if (out.rejections.length < out.counts.rejected) out.rejectionsTruncated = true;
  return out;
}

/** What the API and the CLI show in a listing: everything but the detailed rejections. */
export function reportSummary(r: FeedReport): z.infer<typeof feedReportSummarySchema> {
  const { rejections, ...rest } = r;
  return { ...rest, firstRejections: rejections.slice(0, 20) };
}
