/**
 * `npm run openapi:generate`: writes the api's OpenAPI document and the web app's client types
 * (apps/web/src/api/openapi.json and schema.d.ts) from the api's code, without a database or Redis.
 * `npm run openapi:check`: the same in memory; fails, naming each file, when the committed ones differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { previewOpenApiDocument, renderOpenApiFiles, REPO_ROOT, staleFiles } from './openapi-files';

async function main() {
  const mode = process.argv[2];
  if (mode !== 'generate' && mode !== 'check') throw new Error('usage: openapi generate|check');
  const files = await renderOpenApiFiles(await previewOpenApiDocument());
  const stale = staleFiles(files);
  if (mode === 'check') {
    for (const path of stale) console.error(`${path} is out of date with the api: run npm run openapi:generate`);
    if (stale.length > 0) process.exit(1);
    console.log('The OpenAPI document and the web client types match the api.');
    return;
  }
  for (const file of files) {
    mkdirSync(dirname(join(REPO_ROOT, file.path)), { recursive: true });
    writeFileSync(join(REPO_ROOT, file.path), file.contents);
    console.log(`${stale.includes(file.path) ? 'wrote' : 'unchanged'} ${file.path}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
