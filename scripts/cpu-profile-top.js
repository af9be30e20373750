#!/usr/bin/env node
// Summarises a .cpuprofile (node --cpu-prof): self time per function and per file, top N.
//   node scripts/cpu-profile-top.js prof/CPU.*.cpuprofile [N]
const { readFileSync } = require('node:fs');

const [file, n = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const byFile = new Map();
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  const shortUrl = url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/dist\//, '');
  const key = `${functionName || '(anonymous)'} ${shortUrl}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  const fileKey = shortUrl.startsWith('nm:') ? shortUrl.split('/').slice(0, shortUrl.startsWith('nm:@') ? 2 : 1).join('/') : shortUrl || functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(n)).forEach(([k, us]) => console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`));
};
print('self time by function', self);
print('self time by file or package', byFile);

// Inclusive share of the samples whose stack passes through files matching each pattern.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const patterns = (process.env.INCLUSIVE ?? 'projections/,read-store/,event-store/,event-codec/,crypto/,snapshots/,account.repository,account-command-runner,nm:@nestjs,nm:express|nm:router|nm:body-parser,nm:class-validator|nm:class-transformer,nm:pino')
  .split(',')
  .map((p) => [p, new RegExp(p.replace(/\//g, '\\/'))]);
const inclusive = new Map(patterns.map(([p]) => [p, 0]));
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  if (!us) continue;
  const urls = [];
  for (let at = node; at; at = parent.get(at.id)) urls.push(at.callFrame.url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/dist\//, ''));
  for (const [p, re] of patterns) if (urls.some((u) => re.test(u))) inclusive.set(p, inclusive.get(p) + us);
}
void byId;
print('inclusive time through (INCLUSIVE=regex,…)', inclusive);
