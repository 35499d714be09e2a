// What a scripted sandbox (`... | nodeport-lab sandbox`) needs, and nothing else: the shell and
// the course's manifests. Kept apart from plain.ts so that a one-line script neither loads nor
// compiles print's, lint's and the quiz's code (bench/README.md: start-up by command).
export { runPipedSandbox } from './piped-sandbox.js';
