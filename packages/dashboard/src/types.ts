/** The class endpoints' answers, from the one REST contract (`@jaxlings/client`, generated). */
export type {
  ActivityPoint,
  Cell as CellStatus,
  ClassActivity as Activity,
  ClassLearner as LearnerSummary,
  ClassLearnerDetail as LearnerDetail,
  ClassMatrix as Matrix,
  ClassOverview as Overview,
  ClassProblem as ProblemSummary,
  ClassProblemDetail as ProblemDetail,
  ClassSprint as SprintSummary,
  FailureCount as Failure,
  LearnerProblem,
  PitfallCount,
  Submission
} from '@jaxlings/client';

/** Seconds since the epoch, as the service stores every time. */
export type Seconds = number;
