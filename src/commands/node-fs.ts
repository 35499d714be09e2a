// node:fs for the commands' own modules, taken through `require` for the reason
// src/start-up-builtins.ts gives (imported as an ES module, node:fs loads Node's streams). Apart
// from that file so that the entry point, which --help and --version load, stays one file.
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';

export const { closeSync, constants, existsSync, fstatSync, openSync, read, readdirSync, readFileSync, readSync, writeSync } = createRequire(import.meta.url)(
  'node:fs',
) as typeof Fs;
