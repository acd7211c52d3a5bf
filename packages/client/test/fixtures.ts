import type { CheckResult, HintsInfo, ProblemDetail, ProblemSummary } from '../src/api';

export function summary(overrides: Partial<ProblemSummary> = {}): ProblemSummary {
  return {
    id: 'nnx-ema-step',
    title: 'EMA step',
    sprint: 'B',
    sprint_title: 'Flax NNX',
    order: 19,
    difficulty: 'easy',
    function: 'ema_step',
    status: 'new',
    attempts: 0,
    isolation: {
      jailed: true,
      tool: 'bubblewrap 0.8.0',
      limits: 'cgroup v1 memory+pids',
      note: null
    },
    ...overrides
  };
}

export function hints(overrides: Partial<HintsInfo> = {}): HintsInfo {
  return {
    total: 3,
    unlocked: [],
    next_available: false,
    locked_reason: 'Hints unlock after your first attempt.',
    ...overrides
  };
}

export function detail(overrides: Partial<ProblemDetail> = {}): ProblemDetail {
  return {
    id: 'nnx-ema-step',
    title: 'EMA step',
    sprint: 'B',
    sprint_title: 'Flax NNX',
    order: 19,
    difficulty: 'easy',
    statement_md: '## Problem\nWrite `ema_step`.',
    starter:
      'def ema_step(seed, params_arr, ema_arr, decay):\n    return jnp.zeros_like(params_arr)\n',
    function: 'ema_step',
    signature: 'ema_step(seed, params_arr, ema_arr, decay)',
    hints: hints(),
    solution_available: false,
    solution_viewed: false,
    solution_locked_reason: 'Solve the problem, or make 3 attempts, to see the solution.',
    status: 'new',
    attempts: 0,
    ...overrides
  };
}

export function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    problem: 'nnx-ema-step',
    passed: false,
    status: 'failed',
    cases: [
      {
        name: 'worked example',
        passed: false,
        hidden: false,
        kind: 'case',
        inputs_preview: 'seed=0.0, params_arr=[1. 2. 3. 4.], ema_arr=[0. 0. 0. 0.], decay=0.9',
        expected_preview: '[0.1 0.2 0.3 0.4]',
        actual_preview: '[0.9 1.8 2.7 3.6]',
        message: '4 of 4 elements differ; largest |diff| 3.2 at index 3'
      },
      {
        name: 'decay 1.0 keeps ema',
        passed: true,
        hidden: false,
        kind: 'case',
        inputs_preview: 'seed=0.0, ...',
        expected_preview: '[1. 1.]',
        actual_preview: '[1. 1.]',
        message: null
      },
      {
        name: 'random 8',
        passed: false,
        hidden: true,
        kind: 'case',
        inputs_preview: null,
        expected_preview: null,
        actual_preview: null,
        message: 'A hidden case failed.'
      }
    ],
    error: null,
    stdout: '',
    stderr: '',
    stdout_truncated: false,
    stderr_truncated: false,
    duration_ms: 842,
    ran: true,
    attempt: 1,
    saved: true,
    counted: true,
    save_error: null,
    summary: summary({ status: 'attempted', attempts: 1 }),
    hints: hints({ next_available: true, locked_reason: null }),
    solution_available: false,
    solution_locked_reason:
      'The solution unlocks when you solve the problem or after 2 more failed Checks.',
    ...overrides
  };
}
