// --dry-run: none, client or server; the bare flag means client, with kubectl's deprecation warning.

import type { ParsedArgs } from './flags.js';
import { flagValue } from './flags.js';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG = { name: 'dry-run', kind: 'string', noOptDefVal: 'unchanged' } as const;

export function dryRunOf(parsed: ParsedArgs): { ok: true; mode: DryRun; warning: string } | { ok: false; error: string } {
  const value = flagValue(parsed, 'dry-run') ?? 'none';
  switch (value) {
    case 'unchanged':
      return { ok: true, mode: 'client', warning: '--dry-run is deprecated and can be replaced with --dry-run=client.' };
    case 'client':
    case 'server':
    case 'none':
      return { ok: true, mode: value, warning: '' };
    default:
      return { ok: false, error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
  }
}

/** A klog warning line, stamped with the virtual clock. */
export function klogWarning(now: number, file: string, message: string): string {
  const d = new Date(now);
  const two = (n: number): string => String(n).padStart(2, '0');
  const micros = String((now % 1000) * 1000).padStart(6, '0');
  return `W${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}   12345 ${file}] ${message}\n`;
}

/** The cluster a request runs against: a server dry run's copy, whose allocators answer as the registry's dry run does. */
export function clusterFor<C extends { readonly dryRun?: boolean }>(cluster: C, mode: DryRun): C {
  return mode === 'server' ? { ...cluster, dryRun: true } : cluster;
}

export function actionSuffix(mode: DryRun): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}
