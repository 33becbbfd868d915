import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, STACK_NAME } from '../../infra/build-app.js';
import { flattenStacks, type StackTree } from './nested.js';

export type CfnTemplate = {
  Resources: Record<string, CfnResourceJson>;
  Outputs?: Record<string, unknown>;
  Parameters?: Record<string, unknown>;
};
export type CfnResourceJson = {
  Type: string;
  Properties?: Record<string, any>;
  Metadata?: Record<string, any>;
  DependsOn?: string | string[];
};

/** One synthesized stack: the root or a nested one, with its construct path. */
export interface SynthesizedStack {
  path: string;
  template: CfnTemplate;
}

/**
 * Synthesizes the CDK app in-process: the root stack's template and, under it, each nested
 * (capability) stack's template, exactly as `cdk deploy` uploads them. Bundling is skipped
 * (the local runtime runs the handler sources the functions record as metadata).
 */
export function synthStacks(context: Record<string, unknown> = {}): { tree: StackTree; stacks: SynthesizedStack[] } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'restock-synth-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
    const root = buildApp(app);
    const assembly = app.synth();
    const stacks: SynthesizedStack[] = [];
    const treeOf = (stack: Stack, template: CfnTemplate): StackTree => {
      stacks.push({ path: stack.node.path, template });
      const children: Record<string, StackTree> = {};
      for (const child of stack.node.findAll()) {
        if (!NestedStack.isNestedStack(child) || child.nestedStackParent !== stack) continue;
        const logicalId = stack.resolve((child.nestedStackResource as { logicalId: string }).logicalId) as string;
        const nested = JSON.parse(readFileSync(path.join(assembly.directory, child.templateFile), 'utf8')) as CfnTemplate;
        children[logicalId] = treeOf(child, nested);
      }
      return { name: stack.node.id, template, children };
    };
    const tree = treeOf(root, assembly.getStackByName(STACK_NAME).template as CfnTemplate);
    return { tree, stacks };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The deployment as one template (nested stacks flattened into the root): the single source
 * of truth the local runtime reads.
 */
export function synthTemplate(context: Record<string, unknown> = {}): CfnTemplate {
  return flattenStacks(synthStacks(context).tree);
}
