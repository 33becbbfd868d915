import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Holds every answer the tests see to the contract (docs/openapi.json): the status must be one
 * the route declares, and a JSON body must match that answer's schema. Integration tests call
 * the API through `checkedFetch` (the raw `api()` helper and the typed client both do), so the
 * contract cannot drift from what the handlers really answer.
 */
type Json = Record<string, any>;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = JSON.parse(readFileSync(path.join(repoRoot, 'docs/openapi.json'), 'utf8')) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const defs = JSON.parse(JSON.stringify(doc.components.schemas).replace(/#\/components\/schemas\//g, '#/$defs/')) as Json;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literal: number;
  op: Json;
}
const operations: Operation[] = Object.entries(doc.paths as Json).flatMap(([template, item]) =>
  Object.entries(item as Json).map(([method, op]) => ({
    method: method.toUpperCase(),
    template,
    regex: new RegExp(`^${template.replace(/\{[^}]+\+\}/g, '(.+)').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
    literal: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    op: op as Json,
  })),
);

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Json): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile({ ...(JSON.parse(JSON.stringify(schema).replace(/#\/components\/schemas\//g, '#/$defs/')) as Json), $defs: defs });
    validators.set(key, v);
  }
  return v;
}

/** The declared operation for a request, or undefined (the gateway's own 404 for unknown routes). */
export function operationFor(method: string, pathname: string): Operation | undefined {
  return operations.filter((o) => o.method === method.toUpperCase() && o.regex.test(pathname)).sort((a, b) => b.literal - a.literal)[0];
}

export class ContractViolation extends Error {}

export function checkAnswer(method: string, url: string, status: number, contentType: string | null, text: string): void {
  const pathname = new URL(url, 'http://local').pathname;
  const operation = operationFor(method, pathname);
  if (!operation) return;
  const where = `${method.toUpperCase()} ${operation.template} → ${status}`;
  const answer = operation.op.responses?.[String(status)] as Json | undefined;
  if (!answer) throw new ContractViolation(`${where}: status not declared in the contract (declared: ${Object.keys(operation.op.responses ?? {}).join(', ')}); body ${text.slice(0, 300)}`);
  const schema = answer.content?.['application/json']?.schema as Json | undefined;
  if (!schema) return;
  // An answer declared as a page or JSON (by what the caller sent) may be the page.
  const otherTypes = Object.keys(answer.content ?? {}).filter((t) => t !== 'application/json');
  if (contentType && otherTypes.some((t) => contentType.includes(t))) return;
  if (!contentType?.includes('application/json')) throw new ContractViolation(`${where}: expected JSON, got ${contentType ?? 'no content type'}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ContractViolation(`${where}: body is not JSON: ${text.slice(0, 200)}`);
  }
  const validate = validatorFor(`${where}`, schema);
  if (!validate(body)) {
    throw new ContractViolation(`${where}: body does not match the contract: ${ajv.errorsText(validate.errors, { separator: '; ' })}; body ${text.slice(0, 500)}`);
  }
}

/** fetch, holding every answer to the contract. */
export const checkedFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const res = await fetch(request);
  const text = await res.clone().text();
  checkAnswer(request.method, request.url, res.status, res.headers.get('content-type'), text);
  return res;
};
