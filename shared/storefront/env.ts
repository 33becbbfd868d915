import { defineEnv } from '../config/env.js';

/** Storefront: the platform's variables only (everything else is per tenant, in the table). */
export const storefrontEnv = defineEnv({});
