// The V8 flags this process set after start-up (src/memory.ts), for what depends on them: V8 refuses
// a code cache made under other flags, so src/shared-core.ts keeps one per set.
export const setAfterStartUp: string[] = [];
