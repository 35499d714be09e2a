// Imported first by cli.tsx, so it runs before anything else allocates or compiles.
// A terminal app that redraws a frame on each key press is better served by a small heap than by
// peak speed; each flag below is read by V8 when it is needed, not only at start-up, so setting it
// here works where --max-semi-space-size (read once) would need a command-line flag.
// What each one saves is measured in bench/README.md.
import { isatty } from 'node:tty';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString(
  [
    // V8 answers steady allocation by doubling the young generation up to 3 x 16 MiB, which a
    // terminal app never needs: keep the semi-space at its starting size.
    '--semi-space-growth-factor=1',
    // Grow the old generation in small steps, so the garbage of a burst of key presses is
    // collected at a few MiB over what is live instead of many.
    '--optimize-for-size',
    // No optimising compiler for yoga's WebAssembly: compiling it cost start-up time and memory.
    '--liftoff-only',
  ].join(' '),
);

// On a terminal, no optimising or baseline compiler for JavaScript either: their compile buffers
// and code cost more memory than the milliseconds a frame they would save (the interpreter draws
// one in a few). Without a terminal (a script piped into the sandbox, print, lint) there is no
// frame to draw and the work can be large, so V8 keeps its compilers.
if (isatty(0) && isatty(1)) setFlagsFromString('--no-opt --no-sparkplug');
