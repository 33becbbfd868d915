import * as z from 'zod';
import { AUTH_SCHEMES, ErrorBodySchema, GatewayErrorSchema, checkRoutes, errorDescription, impliedErrors, objectShape, routeKey, type RouteGroup, type RouteSpec } from './route.js';

/**
 * Builds the OpenAPI 3.1 document from the route declarations: every operation with its
 * parameters, body and every answer (errors included), JSON Schema from the same zod schemas
 * the handlers parse with. `npm run api` writes it to docs/openapi.json; a test fails when the
 * file is stale or invalid.
 */

type Json = Record<string, unknown>;

export interface CapabilityInfo {
  name: string;
  description: string;
}

const SECURITY: Record<Exclude<RouteSpec['auth'], 'public'>, string> = { admin: 'adminKey', operator: 'operatorKey', storefront: 'publishableKey' };

export function buildOpenApi(groups: readonly RouteGroup[], info: { version: string; capabilities: readonly CapabilityInfo[] }): Json {
  const components = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  const seen = new Set<string>();
  for (const group of groups) {
    checkRoutes(group);
    for (const [operationId, route] of Object.entries(group.routes)) {
      const key = routeKey(route);
      if (seen.has(key)) throw new Error(`${key} is declared twice`);
      seen.add(key);
      (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(operationId, route, group.capability, components);
    }
  }
  const methods = ['get', 'post', 'put', 'patch', 'delete', 'options'];
  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [p, Object.fromEntries(Object.entries(paths[p]!).sort(([a], [b]) => methods.indexOf(a) - methods.indexOf(b)))]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Restock API',
      version: info.version,
      description:
        'Restock turns stockouts into sales: waitlists, preorders and backorders, honest availability, stock-sized restock waves and forecasts. ' +
        'Merchants call the admin routes with an admin key; storefronts call the storefront routes with a publishable key; shoppers follow signed links. ' +
        'Every error answers `{ error: { code, message, fields, requestId } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The deployment’s API (the `ApiUrl` output of the stack, or http://127.0.0.1:3000 under `npm start`).' }],
    tags: info.capabilities.map((c) => ({ name: c.name, description: c.description })),
    paths: sortedPaths,
    components: {
      schemas: components.all(),
      securitySchemes: {
        adminKey: { type: 'http', scheme: 'bearer', description: AUTH_SCHEMES.admin.description },
        operatorKey: { type: 'http', scheme: 'bearer', description: AUTH_SCHEMES.operator.description },
        publishableKey: { type: 'apiKey', in: 'header', name: AUTH_SCHEMES.storefront.header, description: AUTH_SCHEMES.storefront.description },
      },
    },
  };
}

function operation(operationId: string, route: RouteSpec, capability: string, components: Components): Json {
  const op: Json = { operationId, tags: [capability], summary: route.summary };
  if (route.description) op.description = route.description;
  if (route.auth === 'public') {
    op.security = [];
    op.description = [route.description, `No key: ${route.publicReason}`].filter(Boolean).join('\n\n');
  } else op.security = [{ [SECURITY[route.auth]]: [] }];

  const parameters: Json[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(objectShape(schema))) {
      const json = components.schema(field, 'input');
      const description = json.description;
      delete json.description;
      parameters.push({ name, in: where, required: where === 'path' || !field.safeParse(undefined).success, ...(description ? { description } : {}), schema: json });
    }
  }
  if (parameters.length) op.parameters = parameters;

  if (route.body) {
    op.requestBody = {
      required: !route.body.safeParse(undefined).success,
      content: { [route.bodyContentType ?? 'application/json']: { schema: components.schema(route.body, 'input') } },
    };
  }

  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    const r: Json = { description: answer.description };
    const headers: Record<string, Json> = {};
    for (const [name, description] of Object.entries(answer.headers ?? {})) headers[name] = { description, schema: { type: 'string' } };
    if (route.cache && route.method === 'GET' && status === '200') {
      headers['Cache-Control'] = { description: `\`${route.cache}\``, schema: { type: 'string' } };
      if (route.cache !== 'no-store') headers.ETag = { description: 'A strong validator of the body; send it back in If-None-Match for a 304.', schema: { type: 'string' } };
    }
    if (Object.keys(headers).length) r.headers = headers;
    if (answer.body) r.content = { 'application/json': { schema: components.schema(answer.body, 'output') } };
    // Both: the route answers a page or JSON by what the caller sent (a form post or a script).
    if (answer.contentType) r.content = { ...(r.content as Json | undefined), [answer.contentType]: { schema: { type: 'string' } } };
    responses[status] = r;
  }
  if (route.cache && route.cache !== 'no-store' && route.method === 'GET') responses['304'] = { description: 'Not modified: the If-None-Match validator still matches.' };
  const error = components.schema(ErrorBodySchema, 'output');
  const gateway = components.schema(GatewayErrorSchema, 'output');
  for (const status of impliedErrors(route)) {
    if (responses[String(status)]) continue; // declared by the route itself (e.g. an HTML error page)
    const r: Json = { description: errorDescription(status) };
    // 401 and 403 can come from API Gateway itself (no key, refused key) before any handler runs.
    const schema = route.auth !== 'public' && (status === 401 || status === 403) ? { oneOf: [error, gateway] } : error;
    r.content = { 'application/json': { schema } };
    if (status === 429) r.headers = { 'Retry-After': { description: 'Seconds until the next window.', schema: { type: 'string' } } };
    responses[String(status)] = r;
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return op;
}

/**
 * JSON Schema for zod schemas, with named schemas (`.meta({ id })`) moved to
 * `components/schemas` and referenced. A schema whose input and output shapes differ (defaults
 * make fields optional on input) gets a second component, `<Name>Input`.
 */
class Components {
  private readonly schemas = new Map<string, Json>();

  schema(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    // A named schema keeps its name unless that name holds a different shape already (its
    // other side, input or output): then it becomes <Name>Input / <Name>Output.
    const names = new Map(Object.keys(defs).map((id) => [id, id]));
    for (let attempt = 0; ; attempt++) {
      const rewritten = Object.entries(defs).map(([id, def]) => [id, rewriteRefs(def, names) as Json] as const);
      const clash = rewritten.find(([id, def]) => !this.fits(names.get(id)!, def));
      if (!clash) {
        for (const [id, def] of rewritten) this.schemas.set(names.get(id)!, def);
        return rewriteRefs(json, names) as Json;
      }
      const suffixed = `${clash[0]}${io === 'input' ? 'Input' : 'Output'}`;
      if (names.get(clash[0]) === suffixed || attempt > 50) throw new Error(`Schema id ${clash[0]} names two different schemas`);
      names.set(clash[0], suffixed);
    }
  }

  private fits(name: string, def: Json): boolean {
    const existing = this.schemas.get(name);
    return !existing || JSON.stringify(existing) === JSON.stringify(def);
  }

  all(): Record<string, Json> {
    return Object.fromEntries([...this.schemas.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
      const id = decodeURIComponent(v.slice('#/$defs/'.length));
      out.$ref = `#/components/schemas/${names.get(id) ?? id}`;
    } else if (k === 'id' && typeof v === 'string') continue;
    else out[k] = rewriteRefs(v, names);
  }
  return out;
}
