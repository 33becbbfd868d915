import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LambdaRuntime } from '../lambda/runtime.js';
import type { LocalModel, RouteSpec } from '../template/model.js';

interface CompiledRoute {
  spec: RouteSpec;
  regex: RegExp;
  params: string[];
  specificity: number;
}

function compileRoute(spec: RouteSpec): CompiledRoute {
  const params: string[] = [];
  const parts = spec.path.split('/').map((seg) => {
    const greedy = seg.match(/^\{(.+)\+\}$/);
    if (greedy) {
      params.push(greedy[1]!);
      return '(.+)';
    }
    const param = seg.match(/^\{(.+)\}$/);
    if (param) {
      params.push(param[1]!);
      return '([^/]+)';
    }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  // API Gateway prefers the most specific route: more literal segments win over parameters.
  const literal = spec.path.split('/').filter((s) => s && !s.startsWith('{')).length;
  return { spec, regex: new RegExp(`^${parts.join('/')}$`), params, specificity: literal * 10 - (spec.path.includes('+}') ? 5 : 0) };
}

/**
 * The local HTTP API (payload format 2.0): serves exactly the routes of the synthesized
 * template, runs their Lambda authorizers (simple responses), builds the same event shape
 * API Gateway sends, and maps Lambda results to HTTP responses the same way.
 */
export async function startHttpApi(opts: { port: number; model: LocalModel; lambda: LambdaRuntime }): Promise<{ url: string; server: Server }> {
  const routes = opts.model.routes.map(compileRoute).sort((a, b) => b.specificity - a.specificity);
  const cors = opts.model.cors;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    try {
      await handle(req, res, body);
    } catch (error) {
      send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
      console.error('[gateway]', error);
    }
  });

  const corsHeaders = (origin: string | undefined): Record<string, string> => {
    if (!cors || !origin) return {};
    const allowed = cors.AllowOrigins ?? [];
    if (!allowed.includes('*') && !allowed.includes(origin)) return {};
    return {
      'access-control-allow-origin': allowed.includes('*') ? '*' : origin,
      ...(cors.ExposeHeaders?.length ? { 'access-control-expose-headers': cors.ExposeHeaders.join(',') } : {}),
    };
  };

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const url = new URL(req.url ?? '/', 'http://local');
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    if (method === 'OPTIONS' && cors && req.headers['access-control-request-method']) {
      return send(res, 204, {
        ...corsHeaders(origin),
        'access-control-allow-methods': (cors.AllowMethods ?? []).join(','),
        'access-control-allow-headers': (cors.AllowHeaders ?? []).join(','),
        ...(cors.MaxAge ? { 'access-control-max-age': String(cors.MaxAge) } : {}),
      });
    }
    const path = decodeURI(url.pathname);
    let match: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of routes) {
      if (route.spec.method !== method && route.spec.method !== 'ANY') continue;
      const m = route.regex.exec(path);
      if (m) {
        match = { route, values: m.slice(1) };
        break;
      }
    }
    if (!match) return send(res, 404, { 'content-type': 'application/json', ...corsHeaders(origin) }, JSON.stringify({ message: 'Not Found' }));

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const pathParameters = Object.fromEntries(match.route.params.map((p, i) => [p, decodeURIComponent(match!.values[i]!)]));
    const now = new Date();
    const routeKey = `${match.route.spec.method} ${match.route.spec.path}`;
    const textual = /json|text|xml|x-www-form-urlencoded|javascript/.test(headers['content-type'] ?? 'application/json');
    const requestContext: Record<string, any> = {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress?.replace('::ffff:', '') ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    };
    const event: Record<string, any> = {
      version: '2.0',
      routeKey,
      rawPath: path,
      rawQueryString: url.search.slice(1),
      cookies: headers.cookie?.split(';').map((c) => c.trim()),
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
      requestContext,
      body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
      isBase64Encoded: body.length > 0 && !textual,
    };

    const authorizer = match.route.spec.authorizer;
    if (authorizer) {
      const identity = authorizer.identitySource.map((src) => {
        const h = src.match(/^\$request\.header\.(.+)$/);
        if (h) return headers[h[1]!.toLowerCase()];
        const q = src.match(/^\$request\.querystring\.(.+)$/);
        if (q) return query[q[1]!];
        return undefined;
      });
      // Like API Gateway: a missing identity source is a 401 without calling the authorizer.
      if (identity.some((v) => v === undefined || v === '')) {
        return send(res, 401, { 'content-type': 'application/json', ...corsHeaders(origin) }, JSON.stringify({ message: 'Unauthorized' }));
      }
      let decision: { isAuthorized?: boolean; context?: Record<string, unknown> };
      try {
        decision = await opts.lambda.invoke(authorizer.functionArn, {
          version: '2.0',
          type: 'REQUEST',
          routeArn: `arn:aws:execute-api:us-east-1:000000000000:local/$default/${method}${path}`,
          identitySource: identity,
          routeKey,
          rawPath: path,
          rawQueryString: event.rawQueryString,
          cookies: event.cookies,
          headers,
          queryStringParameters: event.queryStringParameters,
          requestContext,
          pathParameters: event.pathParameters,
        });
      } catch {
        return send(res, 500, { 'content-type': 'application/json', ...corsHeaders(origin) }, JSON.stringify({ message: 'Internal Server Error' }));
      }
      if (!decision?.isAuthorized) {
        return send(res, 403, { 'content-type': 'application/json', ...corsHeaders(origin) }, JSON.stringify({ message: 'Forbidden' }));
      }
      requestContext.authorizer = { lambda: decision.context ?? {} };
    }

    let result: any;
    try {
      result = await opts.lambda.invoke(match.route.spec.functionArn, event);
    } catch {
      return send(res, 500, { 'content-type': 'application/json', ...corsHeaders(origin) }, JSON.stringify({ message: 'Internal Server Error' }));
    }
    // Payload 2.0 response mapping: an object with statusCode is used as-is; anything else
    // is a 200 JSON body.
    if (result && typeof result === 'object' && 'statusCode' in result) {
      const fromHandler: Record<string, string> = { ...(result.headers ?? {}) };
      // As in AWS: an API with a CORS configuration ignores the integration's CORS headers.
      if (cors) for (const k of Object.keys(fromHandler)) if (k.toLowerCase().startsWith('access-control-')) delete fromHandler[k];
      const outHeaders: Record<string, string | string[]> = { ...corsHeaders(origin), ...fromHandler };
      if (result.cookies?.length) outHeaders['set-cookie'] = result.cookies;
      const payload = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : String(result.body);
      return send(res, result.statusCode, outHeaders, payload);
    }
    return send(res, 200, { 'content-type': 'application/json', ...corsHeaders(origin) }, typeof result === 'string' ? result : JSON.stringify(result));
  }

  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

function send(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body?: string | Buffer) {
  res.writeHead(status, headers);
  res.end(body);
}
