// Imported first by the snapshot's entry: a snapshot cannot hold a stream's handle, and Ink's
// contexts read process.stdin, stdout and stderr as their modules load. While the snapshot is
// built those three answer with placeholders; the process started from it gets Node's own back.
const names = ['stdin', 'stdout', 'stderr'] as const;
const own = names.map((name) => [name, Object.getOwnPropertyDescriptor(process, name)] as const);
const placeholder = {
  isTTY: false,
  fd: -1,
  write: () => true,
  on() {
    return this;
  },
  once() {
    return this;
  },
  removeListener() {
    return this;
  },
};
for (const name of names) Object.defineProperty(process, name, { configurable: true, enumerable: true, value: placeholder });

/** Node's own stdio again, before anything of the run touches them. */
export function stdioNow(): void {
  for (const [name, descriptor] of own) if (descriptor) Object.defineProperty(process, name, descriptor);
}
