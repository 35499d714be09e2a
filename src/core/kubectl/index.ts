// kubectl over the simulated cluster: the public API.

export { runKubectl, COMMANDS } from './run-kubectl.js';
export { splitShellWords, type SplitResult } from './shell-words.js';
export type { KubectlIO, KubectlResult, FileError, OutputChunk } from './command.js';
export { MAX_MANIFEST_BYTES, fileErrorText } from './command.js';
export { humanDuration, age, rfc3339, rfc1123z } from './duration.js';
export { formatTabbed, formatTable, GET_TABLE, DESCRIBE } from './tabwriter.js';
export { toGoYaml, type JsonValue } from './go-yaml.js';
export { toGoJson } from './go-json.js';
export { podView, serviceView, nodeView, endpointsView } from './api-view.js';
export { describePod, describeService, describeNode } from './describe.js';
export { apiErrorText } from './errors.js';
export { servicePorts, formatEndpoints } from './tables.js';
