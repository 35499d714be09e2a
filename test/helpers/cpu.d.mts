// Types of cpu.mjs, for the TypeScript tests that import it.
export function cpuSeconds(pid: number | 'self'): number | null;
export function treeCpuSeconds(pid: number): number | null;
