import * as z from 'zod';
import { arnVar, defineEnv, positiveIntVar } from '../config/env.js';

/** Inventory: catalog and stock admin, the order webhook, alerts and digests, feeds. */
export const inventoryEnv = defineEnv({
  /** Low-stock alerts and the daily digest come from this address. */
  SENDER_EMAIL: z.email(),
  FEEDS_BUCKET: z.string().min(3),
  /** How long a feed's presigned upload URL stays valid. */
  FEED_UPLOAD_URL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(3600),
  /** Files above this many bytes (uncompressed CSV/NDJSON) are split into byte ranges. */
  FEED_SPLIT_THRESHOLD_BYTES: positiveIntVar,
  /** Nominal size of one range of a split run. */
  FEED_RANGE_BYTES: positiveIntVar,
  FEED_WORKFLOW_ARN: arnVar,
});
