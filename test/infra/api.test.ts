import { Validator } from '@seriousme/openapi-schema-validator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeGroups } from '../../functions/api.js';
import { routeKey } from '../../shared/http/route.js';
import { synthStacks, type SynthesizedStack } from '../../local/template/synth.js';
import { apiArtifacts, repoRoot } from '../../scripts/api-artifacts.js';

/** CloudFormation's hard limit is 500 per stack; 300 keeps room for each capability to grow. */
const MAX_RESOURCES_PER_STACK = 300;

let stacks: SynthesizedStack[];
let templateRoutes: { key: string; authorizationType: string }[];
beforeAll(() => {
  stacks = synthStacks().stacks;
  templateRoutes = stacks.flatMap((s) =>
    Object.values(s.template.Resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => ({ key: r.Properties!.RouteKey as string, authorizationType: (r.Properties!.AuthorizationType as string) ?? 'NONE' })),
  );
});

describe('room to grow', () => {
  it(`keeps every stack at or under ${MAX_RESOURCES_PER_STACK} resources`, () => {
    const counts = stacks.map((s) => ({ stack: s.path, resources: Object.keys(s.template.Resources).length }));
    console.log(`Resources per stack (limit ${MAX_RESOURCES_PER_STACK}, CloudFormation's 500):\n${counts.map((c) => `  ${c.stack.padEnd(24)} ${c.resources}`).join('\n')}\n  total ${counts.reduce((n, c) => n + c.resources, 0)}`);
    for (const c of counts) expect(c.resources, c.stack).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
  });

  it('keeps each function’s resource policy to one statement per source, far under the 20 KB limit', () => {
    const statements = new Map<string, number>();
    for (const s of stacks) {
      for (const r of Object.values(s.template.Resources)) {
        if (r.Type !== 'AWS::Lambda::Permission') continue;
        const fn = JSON.stringify(r.Properties!.FunctionName);
        statements.set(fn, (statements.get(fn) ?? 0) + 1);
      }
    }
    // One per invoker (the API, an authorizer, an EventBridge rule), never one per route.
    for (const [fn, n] of statements) expect(n, fn).toBeLessThanOrEqual(8);
  });
});

describe('routes declared once', () => {
  it('registers exactly the declared routes, each behind its declared authorizer', () => {
    const declared = routeGroups.flatMap((g) => Object.values(g.routes)).map((r) => ({ key: routeKey(r), authorizationType: r.auth === 'public' ? 'NONE' : 'CUSTOM' }));
    const sort = (xs: { key: string; authorizationType: string }[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
    expect(sort(templateRoutes)).toEqual(sort(declared));
  });
});

describe('the OpenAPI contract', () => {
  it('is current: docs/openapi.json, the client types and docs/api.md are what `npm run api` generates', async () => {
    for (const [file, contents] of Object.entries(await apiArtifacts())) {
      expect(readFileSync(path.join(repoRoot, file), 'utf8'), `${file} is stale: run npm run api`).toBe(contents);
    }
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = JSON.parse(readFileSync(path.join(repoRoot, 'docs/openapi.json'), 'utf8'));
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('has one operation per route of the synthesized template', () => {
    const doc = JSON.parse(readFileSync(path.join(repoRoot, 'docs/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations.length).toBe(templateRoutes.length);
    expect(new Set(operations)).toEqual(new Set(templateRoutes.map((r) => r.key)));
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(new Set(ids).size, 'operationIds are unique').toBe(ids.length);
  });
});
