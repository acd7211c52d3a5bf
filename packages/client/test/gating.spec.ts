import { describe, expect, it } from 'vitest';

import { hintsView, solutionView } from '../src/gating';
import { detail, hints } from './fixtures';

describe('hintsView', () => {
  it('says what unlocks hints before the first attempt', () => {
    const view = hintsView(hints());
    expect(view.nextLabel).toBeNull();
    expect(view.lockedReason).toBe('Hints unlock after your first attempt.');
    expect(view.revealed).toEqual([]);
  });

  it('offers the next hint, numbered', () => {
    const view = hintsView(hints({ next_available: true, locked_reason: null }));
    expect(view.nextLabel).toBe('Show hint 1 of 3');
    expect(view.lockedReason).toBeNull();
  });

  it('keeps revealed hints and counts on', () => {
    const view = hintsView(hints({ unlocked: ['one'], next_available: true, locked_reason: null }));
    expect(view.revealed).toEqual(['one']);
    expect(view.nextLabel).toBe('Show hint 2 of 3');
  });

  it('gives a reason even when the server sends none', () => {
    expect(hintsView(hints({ locked_reason: null })).lockedReason).toMatch(/first attempt/);
  });

  it('stops when all are shown', () => {
    const view = hintsView(
      hints({ unlocked: ['a', 'b', 'c'], next_available: false, locked_reason: null })
    );
    expect(view).toMatchObject({ allShown: true, nextLabel: null, lockedReason: null });
  });
});

describe('solutionView', () => {
  it('is locked with the reason', () => {
    expect(solutionView(detail(), false)).toEqual({
      state: 'locked',
      reason: 'Solve the problem, or make 3 attempts, to see the solution.',
      confirmFirst: false
    });
  });

  it('asks first when available but not solved', () => {
    expect(
      solutionView(detail({ solution_available: true, status: 'attempted' }), false)
    ).toMatchObject({
      state: 'available',
      confirmFirst: true
    });
  });

  it('does not ask once solved, and shows once loaded', () => {
    expect(
      solutionView(detail({ solution_available: true, status: 'solved' }), false).confirmFirst
    ).toBe(false);
    expect(solutionView(detail({ solution_available: true, status: 'solved' }), true).state).toBe(
      'shown'
    );
  });
});
