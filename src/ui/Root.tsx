// What every Ink app of ours is drawn inside: the display settings, and the boundary that turns a
// bug into a clean exit. Ink's screen-reader mode (INK_SCREEN_READER=true) brings the plain,
// linear presentation on its own, as --plain does: no box drawing, diagrams in words, every hop
// listed, feedback in reading order.
import { useIsScreenReaderEnabled } from 'ink';
import type { ReactNode } from 'react';
import { Crash } from './Crash.js';
import { DisplayContext, type Display } from './display.js';
import { FaultProbe, type Fault } from './Fault.js';

// false in the shipped bundle, so the probe is left out of it (src/ui/Fault.tsx).
declare const __FAULTS__: boolean | undefined;

export function Root({ display, fault = null, children }: { readonly display: Display; readonly fault?: Fault | null; readonly children: ReactNode }) {
  const reader = useIsScreenReaderEnabled();
  const shown = reader && !display.plain ? { ...display, plain: true } : display;
  return (
    <DisplayContext.Provider value={shown}>
      <Crash>
        {(typeof __FAULTS__ === 'undefined' || __FAULTS__) && fault ? <FaultProbe fault={fault} /> : null}
        {children}
      </Crash>
    </DisplayContext.Provider>
  );
}
