import fs from 'node:fs';
import path from 'node:path';

export interface BenchResult {
  name: string;
  storage: string;
  n: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  baseline_p50_ms?: number;
  baseline_p95_ms?: number;
  ratio?: number;
  rss_mb: number;
  /** Throughput, for concurrency runs. */
  requests_per_s?: number;
  notes?: string;
  machine: { cpus: number; node: string };
  at: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeMany(count: number, fn: (i: number) => Promise<void>, label: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
    if ((i + 1) % Math.max(1, Math.floor(count / 10)) === 0) progress(label, i + 1, count);
  }
  process.stdout.write('\n');
  return times.sort((a, b) => a - b);
}

export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r  ${label.padEnd(34)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
}

export const round = (v: number) => Math.round(v * 1000) / 1000;

export function writeResult(result: BenchResult): void {
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

export function writeMarkdown(name: string, results: BenchResult[]): void {
  const lines = [
    `# ${name}`,
    '',
    `Measured ${new Date().toISOString()} on ${results[0]?.machine.cpus ?? '?'} cores, Node ${process.version}. Times in ms.`,
    '',
    '| benchmark | storage | n | requests | p50 | p95 | p99 | baseline p95 | ratio | req/s | RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.storage} | ${r.n} | ${r.requests} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.baseline_p95_ms ?? ''} | ${r.ratio ?? ''} | ${r.requests_per_s ?? ''} | ${r.rss_mb} |`,
    ),
    '',
    ...results.filter((r) => r.notes).map((r) => `- ${r.name} (${r.storage}): ${r.notes}`),
    '',
  ];
  fs.writeFileSync(path.resolve('bench/results', `${name}.md`), lines.join('\n'));
}
