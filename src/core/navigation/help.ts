// The help overlay: shown over any screen, closed by any screen change.
import type { NavAction, NavState } from '../course/navigation.js';

export type HelpAction = Extract<NavAction, { type: 'toggle-help' | 'close-help' }>;

export function helpScreen(state: NavState, action: HelpAction): NavState {
  switch (action.type) {
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'close-help':
      return state.help ? { ...state, help: false } : state;
  }
}
