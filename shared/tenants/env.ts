import * as z from 'zod';
import { defineEnv } from '../config/env.js';

/** The operator-key authorizer: only the key's SHA-256 is configured, never the key. */
export const operatorAuthorizerEnv = z.object({ OPERATOR_KEY_SHA256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex') });

/** Tenants: onboarding (welcome and setup-reminder e-mails link to the API). */
export const tenantsEnv = defineEnv({
  SENDER_EMAIL: z.email(),
  PUBLIC_API_URL: z.url(),
});
