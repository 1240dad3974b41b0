import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/** The three entry points a benchmark runs, inside one build output directory. */
export interface BuiltApps {
  dir: string;
  api: string;
  worker: string;
  migrate: string;
  /** Node options each entry point needs (the TypeScript loader, when running the sources). */
  nodeArgs?: string[];
}

export function builtApps(dir: string): BuiltApps {
  return {
    dir,
    api: join(dir, 'apps/api/src/main.js'),
    worker: join(dir, 'apps/worker/src/main.js'),
    migrate: join(dir, 'scripts/migrate.js'),
  };
}

/**
 * The same three entry points run from the TypeScript sources through @swc-node/register, as the
 * worker's e2e tests do: no build needed, at the price of a slower start of each process.
 */
export function sourceApps(): BuiltApps {
  return {
    dir: REPO_ROOT,
    api: join(REPO_ROOT, 'apps/api/src/main.ts'),
    worker: join(REPO_ROOT, 'apps/worker/src/main.ts'),
    migrate: join(REPO_ROOT, 'scripts/migrate.ts'),
    nodeArgs: ['-r', '@swc-node/register'],
  };
}
