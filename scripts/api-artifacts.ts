import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { capabilities, routeGroups } from '../functions/api.js';
import { Events } from '../shared/events/catalogue.js';
import { synthTemplate } from '../local/template/synth.js';
import { buildOpenApi } from '../shared/http/openapi.js';
import { impliedErrors, type RouteSpec } from '../shared/http/route.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files generated from the route declarations, by path relative to the repo root. */
export async function apiArtifacts(): Promise<Record<string, string>> {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const doc = buildOpenApi(routeGroups, { version, capabilities });
  const types = astToString(await openapiTS(doc as never, { alphabetize: true }));
  return {
    'docs/openapi.json': `${JSON.stringify(doc, null, 2)}\n`,
    'shared/client/openapi.d.ts': `// Generated from docs/openapi.json by \`npm run api\`; do not edit.\n${types}`,
    'docs/api.md': apiMarkdown(),
    'docs/events.md': eventsMarkdown(),
  };
}

const AUTH_TEXT: Record<RouteSpec['auth'], string> = { admin: 'admin key', operator: 'operator key', storefront: 'publishable key', public: 'none (signed link)' };

function apiMarkdown(): string {
  const lines = [
    '# API',
    '',
    'Generated from the route declarations (`functions/<capability>/routes.ts`) by `npm run api`; do not edit.',
    'The machine-readable contract is [`openapi.json`](openapi.json) (OpenAPI 3.1); the typed client is `shared/client`.',
    '',
    'Errors: `{ "error": { "code", "message", "fields": [{ "field", "reason" }], "requestId" } }`. A missing key is',
    'answered by API Gateway itself with 401 `{ "message": "Unauthorized" }`, a refused key with 403 `{ "message": "Forbidden" }`.',
    '',
  ];
  for (const capability of capabilities) {
    const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    const routes = routeGroups
      .filter((g) => g.capability === capability.name)
      .flatMap((g) => Object.entries(g.routes))
      .sort(([, a], [, b]) => a.path.localeCompare(b.path) || order.indexOf(a.method) - order.indexOf(b.method));
    if (!routes.length) continue;
    lines.push(`## ${capability.name}`, '', capability.description, '', '| route | auth | what | answers |', '|---|---|---|---|');
    for (const [operationId, r] of routes) {
      const answers = [...Object.keys(r.responses), ...impliedErrors(r).filter((s) => ![400, 401, 403, 500].includes(s)).map(String)].join(', ');
      lines.push(`| \`${r.method} ${r.path}\` | ${AUTH_TEXT[r.auth]} | ${r.summary.replace(/\|/g, '\\|')} (\`${operationId}\`) | ${answers} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** The event catalogue, with each event's consumers read from the rules of the synthesized template. */
function eventsMarkdown(): string {
  const rules = Object.values(synthTemplate().Resources).filter((r) => r.Type === 'AWS::Events::Rule' && r.Properties?.EventPattern);
  const consumersOf = (source: string, detailType: string) =>
    rules
      .filter((r) => {
        const p = r.Properties!.EventPattern as { source?: string[]; 'detail-type'?: string[] };
        return p.source?.includes(source) && p['detail-type']?.includes(detailType);
      })
      .map((r) => String(r.Properties!.Description ?? '').replace(/\|/g, '\\|'))
      .sort();
  const fields = (schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    return Object.keys(json.properties ?? {}).map((k) => `\`${k}\``).join(', ');
  };
  const lines = [
    '# Events',
    '',
    'Generated from the event catalogue (`shared/events/catalogue.ts`) and the rules of the synthesized stack by `npm run api`; do not edit.',
    '',
    'Every event is published on the Restock bus with the envelope `detail`: `{ eventId, version, tenantId, occurredAt, data }`.',
    '`eventId` is stable for one state change (consumers use it for idempotency); the bus archives every event for 30 days.',
    '',
    '| detail-type | source | version | data | what | consumers |',
    '|---|---|---|---|---|---|',
  ];
  for (const def of Object.values(Events)) {
    const consumers = consumersOf(def.source, def.detailType);
    lines.push(`| \`${def.detailType}\` | \`${def.source}\` | ${def.version} | ${fields(def.data)} | ${def.description.replace(/\|/g, '\\|')} | ${consumers.length ? consumers.join('; ') : 'merchant integrations (no rule in Restock)'} |`);
  }
  return `${lines.join('\n')}\n`;
}
