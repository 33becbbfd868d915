import type { FeedField, FeedFormat, FeedMode, FeedRejection, RejectCode } from './types.js';
import type { FeedCounts } from './feed-record.js';

/**
 * The report written next to every feed (`feeds/<tenant>/<feed>/report.json`): exact counts, and
 * each rejected row with its line, field and reason. The detailed list is capped (a broken
 * million-row export must not produce a 200 MB report); counts are always exact.
 */
export const MAX_REPORTED_REJECTIONS = 10_000;

/** Parser codes plus what only ingestion can know (the catalog, the tenant's locations). */
export type IngestRejectCode = RejectCode | 'unknown_sku' | 'invalid_location' | 'unknown_location';

export interface ReportedRejection {
  line: number;
  field: FeedField;
  code: IngestRejectCode;
  reason: string;
  sku?: string;
  location?: string;
  /** duplicate_key: where the SKU×location first appeared. */
  firstLine?: number;
  /** Start of the record text, for rows that could not be read field by field. */
  raw?: string;
}

export interface SnapshotOutcome {
  /** Pairs set to zero (in a dry run: that would be). */
  zeroed: number;
  /** Set when zeroing did not run, with the reason. */
  skipped?: string;
}

/** The part of a report one pass (or one byte range) produces; merged for split runs. */
export interface ReportBody {
  counts: FeedCounts;
  rejectedByCode: Partial<Record<IngestRejectCode, number>>;
  rejections: ReportedRejection[];
  rejectionsTruncated: boolean;
  /** Availability transitions the changes caused, and the events they published. */
  transitions: number;
  events: number;
}

export interface FeedReport extends ReportBody {
  reportVersion: 1;
  tenantId: string;
  feedId: string;
  objectKey: string;
  filename: string;
  status: 'done' | 'failed';
  dryRun: boolean;
  mode: FeedMode;
  format?: FeedFormat;
  compressed: boolean;
  path: 'single' | 'split' | 'http';
  ranges?: number;
  snapshot?: SnapshotOutcome;
  /** The file could not be read to its end (or at all): what and where. */
  fileError?: { code: string; message: string; line?: number };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

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
export function reportSummary(r: FeedReport): Omit<FeedReport, 'rejections'> & { firstRejections: ReportedRejection[] } {
  const { rejections, ...rest } = r;
  return { ...rest, firstRejections: rejections.slice(0, 20) };
}
