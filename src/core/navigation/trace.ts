// The trace screen: the hop on screen, the learner's prediction, and playing hop by hop.
import type { Navigate, NavAction, NavState, TraceView } from '../course/navigation.js';
import { placeKey } from '../course/model.js';
import { ENDINGS } from '../course/trace-step.js';
import { currentStep } from './place.js';

export type TraceAction = Extract<NavAction, { type: `trace-${string}` }>;

/** The trace step on screen: its key and its view (a fresh one before the learner has moved). */
export function currentTrace(state: NavState): { key: string; view: TraceView; predict: boolean; started: boolean } | null {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'trace') return null;
  const key = placeKey(here.lesson, here.step);
  const view = state.traces[key];
  return { key, view: view ?? { at: 0, predicted: null, cursor: 0 }, predict: here.step.predict, started: view !== undefined };
}

function withTraceView(state: NavState, update: (view: TraceView) => TraceView): NavState {
  const found = currentTrace(state);
  return found ? { ...state, traces: { ...state.traces, [found.key]: update(found.view) } } : state;
}

/** The trace screen's actions; `move` leaves the trace at either end for the step before or after. */
export function traceScreen(state: NavState, action: TraceAction, move: Navigate): NavState {
  switch (action.type) {
    case 'trace-move': {
      const found = currentTrace(state);
      if (!found) return state;
      const at = found.view.at + action.delta;
      // The play timer only ever moves within the trace, and only while playing.
      if (action.auto && (!state.playing || at > action.stops - 1)) return state.playing ? { ...state, playing: false } : state;
      if (at < 0) return move(state, { type: 'previous-step' });
      if (at > action.stops - 1) return move({ ...state, playing: false }, { type: 'next-step' });
      return { ...withTraceView(state, (view) => ({ ...view, at })), playing: state.playing && at < action.stops - 1 };
    }
    case 'trace-predict-move':
      return withTraceView(state, (view) => ({ ...view, cursor: Math.max(0, Math.min(ENDINGS.length - 1, view.cursor + action.delta)), picked: true }));
    case 'trace-play':
      return { ...state, playing: action.on && currentTrace(state) !== null };
    case 'trace-predict': {
      const found = currentTrace(state);
      if (found?.predict && found.view.predicted === null && found.view.picked !== true)
        return { ...state, notice: 'Nothing chosen yet: ↑/↓ chooses where the request fails, then enter is your guess.' };
      return withTraceView(state, (view) => ({ ...view, predicted: ENDINGS[view.cursor]?.id ?? null }));
    }
  }
}
