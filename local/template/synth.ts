import { App } from 'aws-cdk-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, STACK_NAME } from '../../infra/build-app.js';

export type CfnTemplate = {
  Resources: Record<string, CfnResourceJson>;
  Outputs?: Record<string, unknown>;
};
export type CfnResourceJson = {
  Type: string;
  Properties?: Record<string, any>;
  Metadata?: Record<string, any>;
  DependsOn?: string | string[];
};

/**
 * Synthesizes the CDK app in-process and returns the CloudFormation template: the single
 * source of truth the local runtime reads. Bundling is skipped (the local runtime runs the
 * handler sources the functions record as metadata); everything else is the deploy output.
 */
export function synthTemplate(context: Record<string, unknown> = {}): CfnTemplate {
  const outdir = mkdtempSync(path.join(tmpdir(), 'restock-synth-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
    buildApp(app);
    const assembly = app.synth();
    return assembly.getStackByName(STACK_NAME).template as CfnTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
