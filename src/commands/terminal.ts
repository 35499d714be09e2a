// The commands that draw on a terminal with Ink: loaded by cli.tsx only when one of them runs.
export { runCourse } from './course.js';
export { runSandbox } from './sandbox-terminal.js';
export { faultFromEnv } from '../ui/Fault.js';
