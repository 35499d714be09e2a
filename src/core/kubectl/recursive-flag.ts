// -R, --recursive: kubectl's builder walks the folders given to -f into their sub-folders too
// (k8s.io/cli-runtime/pkg/resource/builder.go, FilenameOptions.Recursive). A folder without
// sub-folders reads the same either way.
import type { FlagSpec } from './flags.js';

export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', kind: 'bool' };
