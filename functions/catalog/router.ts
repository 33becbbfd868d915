import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { NotFoundError } from '../../shared/errors.js';
import { errorResponse } from '../../shared/http/handler.js';

type RouteHandler = (event: any, context: Context) => Promise<unknown>;

/**
 * One Lambda per resource serves its few routes: the gateway's route key picks the
 * httpHandler. Fewer functions to cold-start and grant, the same edge conventions each.
 */
export function byRoute(routes: Record<string, RouteHandler>) {
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
    const route = routes[event.routeKey];
    if (!route) return errorResponse(new NotFoundError(`Route ${event.routeKey}`), event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown');
    return (await route(event, context)) as APIGatewayProxyResultV2;
  };
}

/** `?limit=&cursor=` of every listing. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

/** A listing's answer: the page and, when there is more, the opaque cursor of the next one. */
export const pageBody = <T>(page: { items: T[]; cursor?: string }) => ({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) });

/** At least one field: an empty PATCH is a client mistake worth telling. */
export const nonEmpty = (value: Record<string, unknown>) => Object.values(value).some((v) => v !== undefined);
