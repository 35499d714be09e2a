// The two Node modules the start-up path uses, taken through CommonJS `require`. Imported as ES
// modules, node:fs and node:util build their module face by reading every export, and some of
// those exports load Node's streams, readline and MIME parser on first read: a tenth of Node's
// own start-up spent before --help answers. `require` hands over the object without reading it.
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';
import type * as Util from 'node:util';

const nodeRequire = createRequire(import.meta.url);

export const { writeSync } = nodeRequire('node:fs') as typeof Fs;
export const { parseArgs } = nodeRequire('node:util') as typeof Util;
