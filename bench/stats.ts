/** Summaries of repeated measurements, and the machine they ran on. */
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  p5: number;
  p95: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
  };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** "median (min–max)" in ms. */
export function fmt(s: Summary | undefined): string {
  if (!s || s.n === 0) return 'n/a';
  return s.n === 1 ? `${ms(s.median)}` : `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
}

/** "p50 / p95" in ms. */
export function fmtP(s: Summary | undefined): string {
  if (!s || s.n === 0) return 'n/a';
  return `${ms(s.median)} / ${ms(s.p95)}`;
}

export function machine(repo: string): Record<string, string> {
  const version = (name: string) => {
    try {
      return JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version as string;
    } catch {
      return 'missing';
    }
  };
  const own = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
  return {
    CPU: cpus()[0]?.model ?? 'unknown',
    cores: String(cpus().length),
    RAM: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    Node: process.version,
    'ocip-vscode': own.version,
    yaml: version('yaml'),
    'vscode-languageserver': version('vscode-languageserver'),
    'yaml-language-server': version('yaml-language-server'),
    'load average at start (1/5/15 min)': loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}
