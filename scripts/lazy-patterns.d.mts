import type { Plugin } from 'esbuild';
export function withLazyPatterns(source: string, names: readonly string[], file?: string): string;
export function withPurePattern(source: string, name: string, file?: string): string;
export const VALIBOT_FILE: RegExp;
export const pureValibotPatterns: Plugin;
