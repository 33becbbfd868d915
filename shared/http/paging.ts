import * as z from 'zod';

/**
 * Schema helpers the merchant routes share (listings, partial updates). Apart from
 * shared/http/route.ts, so storefront handlers, which list nothing, do not build them at a cold
 * start.
 */

/** `?limit=&cursor=` of every listing. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional().meta({ description: 'The `cursor` of the previous page, as returned.' }),
});

/** A page of a listing: the items and, when there is more, the opaque cursor of the next page. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional().meta({ description: 'Present when there is a next page.' }) });

/** At least one field: an empty PATCH is a client mistake worth telling. */
export const nonEmpty = (value: Record<string, unknown>) => Object.values(value).some((v) => v !== undefined);
