import type { Plugin } from 'esbuild';
export const SEGMENTER_LINES: readonly { name: string; file: RegExp; from: string; patterns: string[] }[];
export function standInLine(from: string, graphemesModule: string): string;
export function withGraphemeStandIn(source: string, from: string, graphemesModule: string, file?: string): string;
export function graphemeStandIn(graphemesModule: string): { plugin: Plugin; unedited: () => string[] };
