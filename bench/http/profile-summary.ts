import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile: self time per function and per file group, the top entries.
 * Usage: node scripts/run-ts.js bench/http/profile-summary.ts <file.cpuprofile> [top]
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, topRaw] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...self.values()].reduce((sum, value) => sum + value, 0);

const group = (url: string): string => {
  if (!url) return '(native / vm)';
  const lib = /\/(libs\/[^/]+(?:\/[^/]+)?)\//.exec(url)?.[1];
  if (lib) return lib;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (dependency) return dependency;
  return url.startsWith('node:') ? 'node core' : url.replace(/^.*\//, '');
};
const functions = new Map<string, number>();
const groups = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id);
  if (!node) continue;
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\//, '') || group(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + time);
  groups.set(group(node.callFrame.url), (groups.get(group(node.callFrame.url)) ?? 0) + time);
}
const top = Number(topRaw ?? 25);
const show = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
show('self time by group', groups);
show('self time by function', functions);
