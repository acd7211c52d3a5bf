/** The class endpoints' answers (`{service}/api/class/…`), as the dashboard reads them. */

/** Seconds since the epoch, as the service stores every time. */
export type Seconds = number;

export type CellStatus = 'solved' | 'attempted' | 'new';

export interface LearnerSummary {
  user: string;
  solved: number;
  attempted: number;
  attempts: number;
  last_active: Seconds | null;
}

export interface ProblemSummary {
  id: string;
  title: string;
  sprint: string;
  order: number;
  started: number;
  solved: number;
  solve_rate: number | null;
  median_attempts_to_solve: number | null;
  median_time_to_solve_s: number | null;
  hints_revealed: number;
  solutions_revealed: number;
}

export interface SprintSummary {
  key: string;
  title: string;
  problems: number;
  started: number;
  solved: number;
}

export interface Overview {
  generated_at: Seconds;
  learners: LearnerSummary[];
  problems: ProblemSummary[];
  sprints: SprintSummary[];
}

export interface Matrix {
  learners: string[];
  problems: string[];
  cells: CellStatus[][];
}

export interface Failure {
  name: string;
  kind: string;
  count: number;
}

export interface PitfallCount {
  file: string;
  title: string;
  attempts: number;
  learners: number;
}

export interface ProblemDetail {
  id: string;
  title: string;
  attempts_to_solve: number[];
  failures: Failure[];
  pitfalls: PitfallCount[];
  unlike_any: number;
  attempts: number;
}

export interface ActivityPoint {
  t: Seconds;
  attempts: number;
  passed: number;
}

export interface Activity {
  bucket_s: number;
  points: ActivityPoint[];
}

export interface LearnerProblem {
  id: string;
  status: CellStatus;
  attempts: number;
  last_at: Seconds | null;
}

export interface LearnerDetail {
  user: string;
  problems: LearnerProblem[];
}

export interface Submission {
  code: string;
  at: Seconds;
  status: string;
}
