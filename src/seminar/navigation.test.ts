import { describe, expect, it } from 'vitest';
import { keyToNavAction, navReducer, type NavAction, type NavState } from './navigation';

const run = (actions: NavAction[], count: number, start: NavState = { index: 0, digits: '' }) => actions.reduce((s, a) => navReducer(s, a, count), start);

describe('navReducer', () => {
  it('moves next and previous within the deck and stops at both ends', () => {
    expect(run([{ type: 'next' }], 3).index).toBe(1);
    expect(run([{ type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' }], 3).index).toBe(2);
    expect(run([{ type: 'prev' }], 3).index).toBe(0);
    expect(run([{ type: 'prev' }], 3, { index: 2, digits: '' }).index).toBe(1);
  });

  it('jumps to the first and last slide', () => {
    expect(run([{ type: 'last' }], 10).index).toBe(9);
    expect(run([{ type: 'first' }], 10, { index: 7, digits: '' }).index).toBe(0);
  });

  it('jumps to a typed number on Enter', () => {
    const typed = run([{ type: 'digit', digit: '1' }, { type: 'digit', digit: '2' }], 12);
    expect(typed).toEqual({ index: 0, digits: '12' });
    expect(navReducer(typed, { type: 'enter' }, 12)).toEqual({ index: 11, digits: '' });
    expect(run([{ type: 'digit', digit: '3' }, { type: 'enter' }], 12).index).toBe(2);
  });

  it('ignores numbers outside 1…count, and clears them', () => {
    expect(run([{ type: 'digit', digit: '0' }, { type: 'enter' }], 5, { index: 2, digits: '' })).toEqual({ index: 2, digits: '' });
    expect(run([{ type: 'digit', digit: '9' }, { type: 'digit', digit: '9' }, { type: 'enter' }], 5, { index: 2, digits: '' })).toEqual({ index: 2, digits: '' });
    expect(run([{ type: 'enter' }], 5, { index: 3, digits: '' })).toEqual({ index: 3, digits: '' });
  });

  it('edits the typed number with Backspace, caps it at three digits and drops it on a move', () => {
    expect(run([{ type: 'digit', digit: '4' }, { type: 'digit', digit: '2' }, { type: 'backspace' }], 9).digits).toBe('4');
    expect(run(['1', '2', '3', '4'].map((digit) => ({ type: 'digit', digit }) as NavAction), 9).digits).toBe('123');
    expect(run([{ type: 'digit', digit: '4' }, { type: 'next' }], 9)).toEqual({ index: 1, digits: '' });
    expect(run([{ type: 'digit', digit: 'x' }], 9).digits).toBe('');
  });

  it('copes with an empty deck and clamps goto', () => {
    expect(run([{ type: 'next' }, { type: 'last' }], 0).index).toBe(0);
    expect(run([{ type: 'goto', index: 40 }], 4).index).toBe(3);
    expect(run([{ type: 'goto', index: -3 }], 4).index).toBe(0);
  });
});

describe('keyToNavAction', () => {
  it('maps clicker and keyboard keys', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(keyToNavAction(key)).toEqual({ type: 'next' });
    for (const key of ['ArrowLeft', 'PageUp']) expect(keyToNavAction(key)).toEqual({ type: 'prev' });
    expect(keyToNavAction('Home')).toEqual({ type: 'first' });
    expect(keyToNavAction('End')).toEqual({ type: 'last' });
    expect(keyToNavAction('7')).toEqual({ type: 'digit', digit: '7' });
    expect(keyToNavAction('Enter')).toEqual({ type: 'enter' });
    expect(keyToNavAction('a')).toBeNull();
  });
});
