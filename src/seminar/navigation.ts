/**
 * Slide navigation as a pure reducer, so every key a clicker or a keyboard can send is tested
 * without a browser: next/previous, first/last, and "type a number, press Enter" to jump.
 */
export interface NavState {
  /** Zero-based index of the slide on screen. */
  index: number;
  /** Digits typed so far for a jump ("1", "12"); empty when none. */
  digits: string;
}

export type NavAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; index: number }
  | { type: 'digit'; digit: string }
  | { type: 'backspace' }
  | { type: 'enter' }
  | { type: 'clear' };

/** At most three digits: no deck has a thousand slides. */
const MAX_DIGITS = 3;

export const clampIndex = (index: number, count: number) => (count <= 0 ? 0 : Math.min(count - 1, Math.max(0, Math.trunc(index))));

export function navReducer(state: NavState, action: NavAction, count: number): NavState {
  const at = (index: number): NavState => ({ index: clampIndex(index, count), digits: '' });
  switch (action.type) {
    case 'next':
      return at(state.index + 1);
    case 'prev':
      return at(state.index - 1);
    case 'first':
      return at(0);
    case 'last':
      return at(count - 1);
    case 'goto':
      return at(action.index);
    case 'digit': {
      if (!/^\d$/.test(action.digit)) return state;
      const digits = (state.digits + action.digit).replace(/^0+/, '').slice(0, MAX_DIGITS);
      return { ...state, digits };
    }
    case 'backspace':
      return { ...state, digits: state.digits.slice(0, -1) };
    case 'enter': {
      // A number outside 1…count is ignored rather than clamped: "0" or "99" is a slip.
      const n = Number(state.digits);
      if (state.digits === '' || n < 1 || n > count) return { ...state, digits: '' };
      return at(n - 1);
    }
    case 'clear':
      return { ...state, digits: '' };
  }
}

/** Keys that move between slides. Space and PageDown are what presentation clickers send. */
export function keyToNavAction(key: string): NavAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return { type: 'enter' };
    case 'Backspace':
      return { type: 'backspace' };
    default:
      return /^\d$/.test(key) ? { type: 'digit', digit: key } : null;
  }
}
