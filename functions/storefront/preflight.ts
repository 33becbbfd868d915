import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Implementations } from '../../shared/http/handler.js';
import type { storefrontPreflight } from './routes/preflight.js';

/**
 * OPTIONS /{proxy+}: the CORS preflight. A preflight carries no publishable key (browsers
 * never send custom headers with it), so it cannot know the tenant: it lets the browser ask,
 * and the real response decides — storefront handlers name the caller's origin only when the
 * tenant allows it (shared/storefront/http.ts), so any other origin's call is refused by the
 * browser. The API itself has no CORS configuration because API Gateway would then replace
 * the handlers' per-tenant headers with its own.
 *
 * The one route of its group, implemented without `serve()` and with type-only imports: it
 * cannot fail and reads no input, so it skips the router's logger, zod and the route
 * declarations, and a browser waiting on a preflight never waits on their cold start.
 */
export const handler: Implementations<typeof storefrontPreflight>['corsPreflight'] = async (event): Promise<APIGatewayProxyStructuredResultV2> => {
  const origin = event.headers?.origin;
  if (!origin || !event.headers?.['access-control-request-method']) return { statusCode: 204, headers: { vary: 'origin' } };
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'content-type,x-restock-key,idempotency-key',
      'access-control-max-age': '3600',
      vary: 'origin',
    },
  };
};
