import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app.js';
import { synthTemplate } from '../../local/template/synth.js';

/**
 * The deployment as one template (nested capability stacks flattened into the root, their
 * cross-stack references resolved), for assertions about wiring that spans stacks.
 */
export function deploymentTemplate(): Template {
  return Template.fromJSON(synthTemplate());
}

/** A fresh app with the stack, bundling skipped (these tests are about wiring, not esbuild output). */
export function testApp() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return { app, stack: buildApp(app) };
}
