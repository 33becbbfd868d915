import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiArtifacts, repoRoot } from './api-artifacts.js';

// `npm run api`: regenerates the OpenAPI contract, the typed client's types and docs/api.md.
for (const [file, contents] of Object.entries(await apiArtifacts())) {
  mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
  writeFileSync(path.join(repoRoot, file), contents);
  console.log(`wrote ${file}`);
}
