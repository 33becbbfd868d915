import * as z from 'zod';
import { arnVar, defineEnv } from '../config/env.js';
import { senderEnv } from '../messaging/env.js';

/** Waitlists: sign-up (sends the double opt-in), shopper links, admin, the drip. */
export const waitlistEnv = defineEnv({
  ...senderEnv,
  FANOUT_STATE_MACHINE_ARN: arnVar,
  /** Set by the local runtime only: GDPR erasure also clears the local mail viewer. */
  RESTOCK_LOCAL_CONSOLE_URL: z.url().optional(),
});
