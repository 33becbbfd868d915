import { NestedStack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type * as z from 'zod';
import type { EnvValues } from '../../shared/config/env.js';
import type { RouteGroup } from '../../shared/http/route.js';
import { HouseFunction, type HouseFunctionProps } from './house-function.js';
import type { Platform } from './platform.js';

/**
 * A capability's own nested stack. Everything a capability owns — its functions, their roles
 * and logs, its routes, rules and workflows — lives here, so each capability has the whole of
 * CloudFormation's per-stack budget (500, held under 300 by test/infra/resources.test.ts) and
 * the root stack keeps only the platform.
 *
 * Every function of the capability gets the capability's one environment, declared as a zod
 * schema in `shared/<capability>/env.ts` and read by its handlers with `loadConfig`: the
 * type of `values` makes infra supply each variable, and literal values are checked against
 * the schema at synth.
 */
export class Capability<E extends z.ZodObject = z.ZodObject> extends NestedStack {
  readonly platform: Platform;
  private readonly functionEnvironment: Record<string, string>;

  constructor(scope: Construct, id: string, platform: Platform, env: { schema: E; values: EnvValues<E> }) {
    super(scope, id, { description: `Restock ${id}` });
    this.platform = platform;
    this.functionEnvironment = { ...platform.environment, ...(env.values as Record<string, string>) };
    checkLiterals(id, env.schema, this.functionEnvironment);
  }

  /** A house function in this capability, with the capability's environment. */
  fn(id: string, props: HouseFunctionProps): HouseFunction {
    if (props.environment) throw new Error(`${id}: a capability's functions share its declared environment; add the variable to its env schema`);
    return new HouseFunction(this, id, { ...props, environment: this.functionEnvironment });
  }

  /** A function serving a group of declared routes, registered on the HTTP API. */
  serve(id: string, group: RouteGroup, props: Omit<HouseFunctionProps, 'entry'> = {}): HouseFunction {
    const routes = Object.values(group.routes).map((r) => `${r.method} ${r.path}`);
    const fn = this.fn(id, { entry: group.entry, description: props.description ?? routes.join(', ').slice(0, 256), ...props });
    this.platform.addRoutes(this, fn, group);
    return fn;
  }
}

/** Values known at synth are validated against the schema now, not at the first cold start. */
function checkLiterals(capability: string, schema: z.ZodObject, values: Record<string, string>) {
  const problems: string[] = [];
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const value = values[key];
    if (value === undefined || Token.isUnresolved(value)) continue;
    const parsed = field.safeParse(value);
    if (!parsed.success) problems.push(`${key}=${JSON.stringify(value)}: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
  }
  for (const key of Object.keys(values)) if (!(key in schema.shape)) problems.push(`${key} is not in the capability's env schema`);
  if (problems.length) throw new Error(`${capability} environment: ${problems.join('; ')}`);
}
