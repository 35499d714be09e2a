// yoga-layout as the snapshot's bundle sees it: its enums at once, its WebAssembly compiled by
// loadYogaNow() when the process starts from the blob (a snapshot cannot hold a WebAssembly
// instance, and yoga-layout's own entry awaits it at its top level, which CommonJS cannot).
// @ts-expect-error untyped Emscripten loader
import loadYoga from '../../node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
import * as enums from '../../node_modules/yoga-layout/dist/src/generated/YGEnums.js';
import wrapAssembly from '../../node_modules/yoga-layout/dist/src/wrapAssembly.js';

let yoga: Record<string, unknown> | undefined;

export async function loadYogaNow(): Promise<void> {
  yoga = wrapAssembly(await (loadYoga as () => Promise<unknown>)());
}

const Yoga = new Proxy(
  {},
  {
    get(_target, key: string) {
      if (yoga) return yoga[key];
      if (key in enums) return (enums as Record<string, unknown>)[key];
      throw new Error(`yoga-layout: ${key} read before its WebAssembly was loaded`);
    },
  },
);
export default Yoga;
export * from '../../node_modules/yoga-layout/dist/src/generated/YGEnums.js';
