// The OpenAPI schemas of openapi-schemas-1.32.ts (135 kB of object literals), loaded the first
// time `kubectl explain` or the lab's API server reads them: a command that does neither never
// parses them. In the bundle they are dist/openapi-1.32.cjs beside the chunks (scripts/build.mjs),
// required synchronously as the YAML parser is (src/core/yaml.ts); from the sources, the module.
import { createRequire } from 'node:module';
import type { Schemas } from './explain-render.js';

declare const __OPENAPI_BUNDLE__: string | undefined;

let schemas: Schemas | undefined;

export function openapiSchemas(): Schemas {
  schemas ??= (
    createRequire(import.meta.url)(typeof __OPENAPI_BUNDLE__ === 'string' ? __OPENAPI_BUNDLE__ : './openapi-schemas-1.32.ts') as { OPENAPI_SCHEMAS: Schemas }
  ).OPENAPI_SCHEMAS;
  return schemas;
}
