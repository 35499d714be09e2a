import type { Plugin } from 'esbuild';
export const INK_KEY_EDITS: readonly (readonly [RegExp, readonly (readonly [string, string])[]])[];
export const inkKeyFix: Plugin;
