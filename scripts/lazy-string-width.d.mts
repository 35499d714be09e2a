import type { Plugin } from 'esbuild';
export const STRING_WIDTH_EDITS: readonly (readonly [string, string])[];
export const STRING_WIDTH_PATTERNS: string[];
export function lazyStringWidthSource(source: string, file?: string): string;
export function lazyStringWidth(file: string): Plugin;
export const GRAPHEMES_MODULE: string;
