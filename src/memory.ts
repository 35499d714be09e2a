// Imported first by cli.tsx, so it runs before anything else allocates or compiles.
// A terminal app that redraws a frame on each key press is better served by a small heap than by
// peak speed; each flag below is read by V8 when it is needed, not only at start-up, so setting it
// here works where --max-semi-space-size (read once) would need a command-line flag.
// What each one saves is measured in bench/README.md.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString(
  [
    // V8 answers steady allocation by doubling the young generation up to 3 x 16 MiB, which a
    // terminal app never needs: keep the semi-space at its starting size.
    '--semi-space-growth-factor=1',
    // Grow the old generation in small steps, so the garbage of a burst of key presses is
    // collected at a few MiB over what is live instead of many.
    '--optimize-for-size',
    // No optimising compiler for JavaScript or for yoga's WebAssembly, and no baseline compiler:
    // their compile buffers and code cost more memory than the fraction of a millisecond a frame
    // they would save; the interpreter draws a frame in a few milliseconds.
    '--no-opt',
    '--no-sparkplug',
    '--liftoff-only',
  ].join(' '),
);
