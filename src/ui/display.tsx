// How to draw: colour or not, plain or not. Set once at the root from flags and the environment.
import { createContext, useContext } from 'react';

export interface Display {
  readonly color: boolean;
  /** No box drawing, no animation: diagrams become words. */
  readonly plain: boolean;
}

export const DisplayContext = createContext<Display>({ color: true, plain: false });
export const useDisplay = () => useContext(DisplayContext);
