/**
 * Summarises a V8 sampling .heapprofile: bytes allocated per function (self, top N) and per function including its
 * callees (inclusive, top N), as shares of the total and in bytes.
 * Usage: tsx bench/heap-profile-top.ts <file.heapprofile> [N]
 */
import { readFileSync } from 'node:fs';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: heap-profile-top.ts <file.heapprofile> [N]');
const top = Number(process.argv[3] ?? 40);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
const label = (n: HeapNode): string => {
  const url = n.callFrame.url.replace(/^.*\/work\/[^/]+\//, '').replace(/^file:\/\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const walk = (n: HeapNode, onStack: ReadonlySet<string>): number => {
  const key = label(n);
  let size = n.selfSize;
  self.set(key, (self.get(key) ?? 0) + n.selfSize);
  const stack = new Set(onStack).add(key);
  for (const c of n.children) size += walk(c, stack);
  if (!onStack.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + size);
  return size;
};
total = walk(head, new Set());
const print = (title: string, m: Map<string, number>): void => {
  process.stdout.write(`${title} (total ${(total / 1048576).toFixed(1)} MiB)\n`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1024).toFixed(0).padStart(8)} KiB  ${k}\n`);
  }
};
print('self', self);
print('inclusive', inclusive);
