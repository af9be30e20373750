#!/usr/bin/env node
// Adds lock entries for platform-specific optional packages that `npm install` left out.
//
// The registry mirror this project is developed against serves only some platform builds
// of a few native packages (msgpackr-extract, unrs-resolver); npm then omits the other
// variants from package-lock.json, and `npm ci` refuses the lock as "out of sync" on every
// machine. Each missing variant is recorded as an optional package with its os/cpu/libc,
// so npm skips it on other platforms and fetches it by version where it applies.
// Run after any `npm install` that rewrites the lock: node scripts/complete-lockfile.js
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (parts.some((p) => p === 'musl' || p === 'musleabihf')) entry.libc = ['musl'];
  else if (os === 'linux' && parts.some((p) => p === 'gnu' || p === 'gnueabihf')) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [location, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`complete-lockfile: added ${added} platform-specific optional entries\n`);
