// The YAML parser, loaded the first time a text is parsed: a command that reads no manifest, no
// patch and no lesson folder (the sandbox's `create ... --dry-run`, the course's first frame)
// never reads or compiles its 200 kB. Loaded with `require`, so the kubectl layer stays
// synchronous. In the bundle it is dist/yaml.cjs beside the chunks (scripts/build.mjs); from the
// sources it is the `yaml` package.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

declare const __YAML_BUNDLE__: string | undefined;

let parser: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  parser ??= createRequire(import.meta.url)(typeof __YAML_BUNDLE__ === 'string' ? __YAML_BUNDLE__ : 'yaml') as typeof Yaml;
  return parser;
}
