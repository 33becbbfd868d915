import { arnVar, defineEnv } from '../config/env.js';
import { senderEnv } from '../messaging/env.js';

/** Releases: the workflow sends waves; admin and events start executions. */
export const releaseEnv = defineEnv({
  ...senderEnv,
  RELEASE_STATE_MACHINE_ARN: arnVar,
});
