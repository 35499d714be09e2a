import type { Plugin } from 'esbuild';
export const BUILTIN_EDITS: readonly { name: string; file: RegExp; edits: [string, string][] }[];
export function withoutUnusedBuiltins(source: string, edits: [string, string][], file?: string): string;
export function unusedBuiltins(): { plugin: Plugin; unedited: () => string[] };
