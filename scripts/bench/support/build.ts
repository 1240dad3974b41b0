/** The build a benchmark runs, chosen by BENCH_BUILD / BENCH_DIST, and what the report says of it. */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { type BuiltApps, builtApps } from './built-apps';
import { runToCompletion } from './child-processes';
import { machineLine } from './output';
import { REPO_ROOT } from './repo-root';
import type { Teardown } from './teardown';

/** TypeScript sources of apps/ and libs/ (tests excluded) written after `than`. */
function newerSources(than: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'test' && entry.name !== 'testing') walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry.name)) {
        if (statSync(path).mtimeMs > than) found.push(path.slice(REPO_ROOT.length + 1));
      }
    }
  };
  for (const top of ['apps', 'libs']) walk(join(REPO_ROOT, top));
  return found;
}

export interface Build {
  apps: BuiltApps;
  /** When the api's entry point was written. */
  builtAt: Date;
  /** Sources newer than the build (it may not measure them). */
  staleSources: string[];
  /** How the build was chosen, for the report. */
  origin: string;
}

/**
 * The build to run, chosen by the environment:
 *   - default: dist/, running `npm run build` first only when an entry point is missing;
 *   - BENCH_BUILD=1: `npm run build` first;
 *   - BENCH_BUILD=private: the current sources built into a temporary directory of this run
 *     (nest build with the repository's tsconfig.build.json, outDir changed), leaving dist/ alone,
 *     which matters while others use or rebuild it;
 *   - BENCH_DIST=<dir>: an existing build output.
 * A private build is removed by `teardown`.
 */
export async function chooseBuild(log: (line: string) => void, id: string, teardown?: Teardown): Promise<Build> {
  const mode = process.env.BENCH_BUILD ?? '';
  if (!['', '0', '1', 'private'].includes(mode)) throw new Error(`BENCH_BUILD must be 1 or private, not "${mode}"`);
  let apps: BuiltApps;
  let origin: string;
  if (process.env.BENCH_DIST) {
    apps = builtApps(resolve(REPO_ROOT, process.env.BENCH_DIST));
    origin = `BENCH_DIST=${process.env.BENCH_DIST}`;
  } else if (mode === 'private') {
    const dir = join(tmpdir(), `pm-bench-build-${id}`);
    log(`building the current sources into ${dir} (BENCH_BUILD=private)`);
    const remove = () => rmSync(dir, { recursive: true, force: true });
    teardown?.add(`remove ${dir}`, async () => remove());
    try {
      await buildPrivately(dir);
    } catch (error) {
      remove();
      throw error;
    }
    apps = builtApps(join(dir, 'dist'));
    origin = 'private build of the current sources';
  } else {
    apps = builtApps(join(REPO_ROOT, 'dist'));
    const missing = [apps.api, apps.worker, apps.migrate].filter((file) => !existsSync(file));
    if (missing.length > 0 || mode === '1') {
      log(missing.length > 0 ? `building: ${missing.map((f) => f.slice(REPO_ROOT.length + 1)).join(', ')} missing` : 'building (BENCH_BUILD=1)');
      await runToCompletion('npm', ['run', '--silent', 'build'], { timeoutMs: 600_000, label: 'npm run build' });
    }
    origin = 'dist/';
  }
  for (const file of [apps.api, apps.worker, apps.migrate]) {
    if (!existsSync(file)) throw new Error(`${file} is missing from the build`);
  }
  const builtAt = statSync(apps.api).mtime;
  return { apps, builtAt, staleSources: newerSources(builtAt.getTime()), origin };
}

/**
 * `nest build api` and `nest build worker` as package.json runs them, into `<dir>/dist`. The built
 * code finds node_modules and the reference data files by walking up from itself, so both are
 * linked into the directory.
 */
async function buildPrivately(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(REPO_ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: join(dir, 'dist'), typeRoots: [join(REPO_ROOT, 'node_modules/@types')] },
    }),
  );
  const nest = join(REPO_ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    // nest resolves -p against the workspace, so the path is given relative to it.
    await runToCompletion(process.execPath, [nest, 'build', app, '-p', relative(REPO_ROOT, tsconfig)], {
      timeoutMs: 600_000,
      label: `nest build ${app} (private)`,
    });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const data = join(dir, 'dist/libs/reference-data/data');
  mkdirSync(dirname(data), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'libs/reference-data/data'), data, 'dir');
}

/** A benchmark's opening lines: its name and time, the machine, and the build it runs. */
export function logHeader(log: (line: string) => void, title: string, build: Build): void {
  log(`${title} ${new Date().toISOString()}`);
  log(`machine: ${machineLine()}`);
  logBuild(log, build);
}

/** Which build runs, and a warning when sources are newer than it. */
export function logBuild(log: (line: string) => void, build: Build, what = 'build'): void {
  log(`${what}: ${build.origin} (${build.apps.api}, written ${build.builtAt.toISOString()})`);
  if (build.staleSources.length > 0) {
    log(
      `WARNING: ${build.staleSources.length} source file(s) are newer than the build (e.g. ${build.staleSources
        .slice(0, 3)
        .join(', ')}); BENCH_BUILD=private measures them without touching dist/, BENCH_BUILD=1 rebuilds dist/`,
    );
  }
}
