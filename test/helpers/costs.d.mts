// Types of costs.mjs, for the TypeScript tests that import it.
export function logCost(record: Record<string, unknown>): void;
export function callingTestFile(): string | undefined;
