import * as z from 'zod';
import { idSchema } from '../../../shared/inventory/model.js';

/** What several storefront routes share. */

export const MAX_LISTING = 100;

export const lang = z.string().max(10).optional().meta({ description: 'The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default.' });
export const productPath = z.object({ productId: idSchema });

/** A comma-separated list in one query parameter, de-duplicated. */
export const list = (max: number, item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1).max(max, `at most ${max}`));

export const waitlistCta = z.lazy(() =>
  z.object({ available: z.literal(true), signupPath: z.string() }),
);
