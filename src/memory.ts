// Imported first by cli.tsx, so it runs before anything else allocates.
// Every key press redraws a frame, and V8 answers steady allocation by doubling the young
// generation up to 3 x 16 MiB, which a terminal app never needs. Keeping the semi-space at its
// starting size cuts the peak of a burst of key presses by about a fifth (bench/README.md).
// V8 reads this flag each time it considers growing, so setting it at run time works, where
// --max-semi-space-size (read once at start-up) would need a command-line flag.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
