import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler as admin } from './admin.js';
import { handler as preferences } from './preferences.js';
import { handler as signup } from './signup.js';

/**
 * The waitlist's HTTP routes in one function (one cold start to keep warm, one role, and
 * fewer resources in a stack that CloudFormation caps at 500): the storefront sign-up, the
 * shopper's signed links, and the merchant's admin and GDPR routes, dispatched by route key.
 * Each module keeps its own edge (publishable key + CORS, signed token, admin key).
 */
export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  const route = event.routeKey ?? '';
  if (route === 'POST /storefront/waitlist') return signup(event as never, context);
  if (route.endsWith(' /p/{token}')) return preferences(event);
  return admin(event, context);
}
