// The help overlay: shown over any screen, closed by any screen change.
import type { NavAction, NavState } from '../course/navigation.js';

export type HelpAction = Extract<NavAction, { type: 'toggle-help' | 'close-help' | 'help-scroll' }>;

export function helpScreen(state: NavState, action: HelpAction): NavState {
  switch (action.type) {
    case 'toggle-help':
      return { ...state, help: !state.help, helpScroll: 0 };
    case 'close-help':
      return state.help ? { ...state, help: false, helpScroll: 0 } : state;
    case 'help-scroll':
      return { ...state, helpScroll: Math.max(0, Math.min(action.max, (state.helpScroll ?? 0) + action.delta)) };
  }
}
