import type { Plugin } from 'esbuild';
export const SANITIZE_EDITS: readonly (readonly [string, string])[];
export function inkSanitizeSource(source: string, file?: string): string;
export const inkSanitize: Plugin;
