// Command-line flags with pflag's rules: --name=value, --name value, -o yaml,
// -oyaml, combined boolean shorthands (-it), `--` ends flags, flags may come
// anywhere among the arguments.

import { append } from '../append.js';

export type FlagKind = 'string' | 'bool' | 'int' | 'strings';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** The value used when the flag is given with no `=value` (pflag's NoOptDefVal). */
  readonly noOptDefVal?: string;
}

export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, readonly string[]>;
  readonly positional: readonly string[];
  /** Index into `positional` where the words after `--` start, or -1. */
  readonly dashAt: number;
}

export type ParseResult = { readonly ok: true; readonly parsed: ParsedArgs } | { readonly ok: false; readonly error: string };

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'v', short: 'v', kind: 'int' },
  { name: 'help', short: 'h', kind: 'bool' },
];

function parseIntValue(name: string, value: string): string | undefined {
  return /^[-+]?\d+$/.test(value) ? undefined : `invalid argument "${value}" for "--${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
}

function parseBoolValue(name: string, value: string): string | undefined {
  return ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)
    ? undefined
    : `invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
}

export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  let dashAt = -1;
  const set = (spec: FlagSpec, value: string): string | undefined => {
    if (spec.kind === 'int') {
      const problem = parseIntValue(spec.name, value);
      if (problem) return problem;
    }
    if (spec.kind === 'bool') {
      const problem = parseBoolValue(spec.name, value);
      if (problem) return problem;
    }
    const values = spec.kind === 'strings' ? value.split(',') : [value];
    flags.set(spec.name, [...(flags.get(spec.name) ?? []), ...values]);
    return undefined;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      dashAt = positional.length;
      append(positional, args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = byName.get(name) ?? byName.get(name.replace(/_/g, '-'));
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (spec.kind === 'bool') value = 'true';
      else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
      else if (i + 1 < args.length) value = args[++i] ?? '';
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const problem = set(spec, value);
      if (problem) return { ok: false, error: problem };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const shorts = arg.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j] ?? '';
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` };
        const rest = shorts.slice(j + 1);
        if (spec.kind === 'bool') {
          const problem = set(spec, rest.startsWith('=') ? rest.slice(1) : 'true');
          if (problem) return { ok: false, error: problem };
          if (rest.startsWith('=')) break;
          continue;
        }
        let value: string;
        if (rest.startsWith('=')) value = rest.slice(1);
        else if (rest.length > 0) value = rest;
        else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
        else if (i + 1 < args.length) value = args[++i] ?? '';
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        const problem = set(spec, value);
        if (problem) return { ok: false, error: problem };
        break;
      }
      continue;
    }
    positional.push(arg);
  }
  return { ok: true, parsed: { flags, positional, dashAt } };
}

export function flagValue(parsed: ParsedArgs, name: string): string | undefined {
  const values = parsed.flags.get(name);
  return values ? values[values.length - 1] : undefined;
}

export function flagValues(parsed: ParsedArgs, name: string): readonly string[] {
  return parsed.flags.get(name) ?? [];
}

export function flagBool(parsed: ParsedArgs, name: string): boolean {
  const v = flagValue(parsed, name);
  return v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

export function hasFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags.has(name);
}
