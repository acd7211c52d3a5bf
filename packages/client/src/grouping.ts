/** Groups the problem list by sprint in track order, with per-sprint progress and a text filter. */
import type { ProblemSummary, SprintProgress, Status } from './api';

export interface ISprintGroup {
  key: string;
  title: string;
  /** The problems that pass the filter, in track order. */
  problems: ProblemSummary[];
  /** Counts over the whole sprint, whatever the filter. */
  total: number;
  solved: number;
  attempted: number;
}

/** A problem's number in the track, two digits as in its folder name: 7 → "07". */
export function problemNumber(order: number): string {
  return String(order).padStart(2, '0');
}

export const STATUS_LABEL: Record<Status, string> = {
  new: 'new',
  attempted: 'attempted',
  solved: 'solved'
};

/**
 * Whether a problem matches a filter: every word of the filter must occur in its number,
 * id, title, sprint, difficulty or status (case-insensitive). "19" and "#19" match problem 19.
 */
export function matchesFilter(problem: ProblemSummary, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = [
    problemNumber(problem.order),
    String(problem.order),
    problem.id,
    problem.title,
    problem.sprint,
    problem.sprint_title,
    problem.difficulty,
    problem.status
  ]
    .join(' ')
    .toLowerCase();
  return words.every(word => {
    const w = word.replace(/^#/, '');
    if (/^\d+$/.test(w)) {
      return Number(w) === problem.order;
    }
    return haystack.includes(w);
  });
}

/**
 * The sprints in track order (by their first problem's number), each with its matching
 * problems in track order. Sprints with no match are left out while a filter is set.
 * Counts come from `sprints` (the server's totals) when given, else from `problems`.
 */
export function groupBySprint(
  problems: ProblemSummary[],
  filter = '',
  sprints: SprintProgress[] = []
): ISprintGroup[] {
  const groups = new Map<string, ISprintGroup>();
  const firstOrder = new Map<string, number>();
  const sorted = [...problems].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const p of sorted) {
    let group = groups.get(p.sprint);
    if (!group) {
      group = {
        key: p.sprint,
        title: p.sprint_title,
        problems: [],
        total: 0,
        solved: 0,
        attempted: 0
      };
      groups.set(p.sprint, group);
      firstOrder.set(p.sprint, p.order);
    }
    group.total += 1;
    group.solved += p.status === 'solved' ? 1 : 0;
    group.attempted += p.status === 'attempted' ? 1 : 0;
    if (matchesFilter(p, filter)) {
      group.problems.push(p);
    }
  }
  for (const s of sprints) {
    const group = groups.get(s.key);
    if (group) {
      group.title = s.title || group.title;
      group.total = s.total;
      group.solved = s.solved;
      group.attempted = s.attempted;
    }
  }
  const filtering = filter.trim() !== '';
  return [...groups.values()]
    .filter(g => !filtering || g.problems.length > 0)
    .sort(
      (a, b) =>
        (firstOrder.get(a.key) ?? 0) - (firstOrder.get(b.key) ?? 0) || a.key.localeCompare(b.key)
    );
}

/** Solved share of a sprint as a whole percentage (0 for an empty sprint). */
export function percentSolved(group: { total: number; solved: number }): number {
  return group.total > 0 ? Math.round((100 * group.solved) / group.total) : 0;
}

/** "3 of 8 solved", with "· 2 attempted" when some are in progress. */
export function sprintProgressLabel(group: {
  total: number;
  solved: number;
  attempted: number;
}): string {
  const base = `${group.solved} of ${group.total} solved`;
  return group.attempted > 0 ? `${base} · ${group.attempted} attempted` : base;
}
