// What every Ink app of ours is drawn inside: the display settings, and the boundary that turns a
// bug into a clean exit.
import type { ReactNode } from 'react';
import { Crash } from './Crash.js';
import { DisplayContext, type Display } from './display.js';
import { FaultProbe, type Fault } from './Fault.js';

// false in the shipped bundle, so the probe is left out of it (src/ui/Fault.tsx).
declare const __FAULTS__: boolean | undefined;

export function Root({ display, fault = null, children }: { readonly display: Display; readonly fault?: Fault | null; readonly children: ReactNode }) {
  return (
    <DisplayContext.Provider value={display}>
      <Crash>
        {(typeof __FAULTS__ === 'undefined' || __FAULTS__) && fault ? <FaultProbe fault={fault} /> : null}
        {children}
      </Crash>
    </DisplayContext.Provider>
  );
}
