#!/usr/bin/env node
/**
 * `npm ci` insists that every optional dependency appears in package-lock.json, but `npm install`
 * leaves out the platform binaries (other operating systems and CPUs) that its registry cannot
 * serve, and `npm ci` then refuses the lock file. This adds those entries, marked optional and
 * tagged with the os/cpu in their names, so that `npm ci` accepts the lock and skips them on any
 * platform they are not for. Run it after `npm install` changes the lock file.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'sunos', 'aix', 'openharmony', 'netbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const words = name.split('/').pop().split('-');
    const os = OS.filter((word) => words.includes(word));
    const cpu = CPU.filter((word) => words.includes(word) || (word === 'arm' && words.includes('gnueabihf')));
    if (os.length === 0) continue; // not a platform binary: leave it to npm
    lock.packages[key] = {
      version,
      ...(cpu.length ? { cpu } : {}),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os,
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entries the registry did not serve`);
