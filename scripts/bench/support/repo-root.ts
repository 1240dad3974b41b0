import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: the nearest directory above this file whose package.json is this project. */
export const REPO_ROOT: string = (() => {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'placement-matching') return dir;
    dir = resolve(dir, '..');
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
})();
