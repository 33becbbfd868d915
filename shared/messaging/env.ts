import * as z from 'zod';
import { defineEnv, positiveIntVar } from '../config/env.js';

/**
 * What a function that sends (shared/messaging deliver()) reads: the sender, the public API
 * for links, the SES configuration set, and its share of the account's sending quota.
 * Capabilities that send spread this into their own environment; `Messaging.grantSend()`
 * in infra supplies the values.
 */
export const senderEnv = {
  SENDER_EMAIL: z.email(),
  PUBLIC_API_URL: z.url(),
  /** Absent only where no SES events are wanted (tests, benchmarks). */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The account's SES quota (messages per second), shared by SENDER_CONTAINERS containers; 0 = no pacing. */
  SEND_RATE_PER_SECOND: z.coerce.number().min(0).default(14),
  SENDER_CONTAINERS: positiveIntVar.default(1),
  SMS_RATE_PER_SECOND: z.coerce.number().min(0).default(20),
  /** A send with no SES event after this long is failed as unconfirmed. */
  PENDING_CONFIRM_MINUTES: z.coerce.number().positive().default(30),
  SEND_MAX_THROTTLE_RETRIES: z.coerce.number().int().min(0).max(20).default(8),
};

/** Messaging: SES events, public links, admin, the pending-send sweep. */
export const messagingEnv = defineEnv(senderEnv);
