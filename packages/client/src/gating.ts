/** What the hints and solution sections show, from what the server says may be shown. */
import type { HintsInfo, ProblemDetail } from './api';

export interface IHintsView {
  /** The hints already revealed, in order. */
  revealed: string[];
  total: number;
  /** Label of the button that reveals the next hint, or null when there is none to press. */
  nextLabel: string | null;
  /** Why no further hint can be revealed yet (null when one can, or all are shown). */
  lockedReason: string | null;
  allShown: boolean;
}

export function hintsView(hints: HintsInfo): IHintsView {
  const revealed = hints.unlocked;
  const allShown = revealed.length >= hints.total;
  const next = revealed.length + 1;
  let lockedReason: string | null = null;
  if (!allShown && !hints.next_available) {
    lockedReason =
      hints.locked_reason || 'Hints unlock after your first attempt: press Check once.';
  }
  return {
    revealed,
    total: hints.total,
    nextLabel: !allShown && hints.next_available ? `Show hint ${next} of ${hints.total}` : null,
    lockedReason,
    allShown
  };
}

export type SolutionState = 'locked' | 'available' | 'shown';

export interface ISolutionView {
  state: SolutionState;
  /** Why it is locked (state "locked" only). */
  reason: string | null;
  /** Ask before showing: the learner has not solved the problem yet. */
  confirmFirst: boolean;
}

export function solutionView(detail: ProblemDetail, shown: boolean): ISolutionView {
  if (!detail.solution_available) {
    return {
      state: 'locked',
      reason: detail.solution_locked_reason || 'The solution unlocks once you solve the problem.',
      confirmFirst: false
    };
  }
  return {
    state: shown ? 'shown' : 'available',
    reason: null,
    confirmFirst: detail.status !== 'solved'
  };
}
