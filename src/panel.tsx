/** The side panel: problems grouped by sprint, with progress bars, a filter, and live status. */
import * as Plot from '@observablehq/plot';
import { ReactWidget, refreshIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { ProblemSummary } from './api';
import {
  groupBySprint,
  IOverview,
  percentSolved,
  problemNumber,
  progressOverview,
  sprintProgressLabel,
  STATUS_LABEL,
  streakLabel
} from '@jaxlings/client';
import { silenced } from './feedback';
import { jaxlingsIcon } from './icons';
import { JaxlingsModel } from './model';

export interface IProblemListActions {
  open(id: string): void;
  refresh(): void;
  /** Whether this user may open the class dashboard (an instructor in client mode). */
  dashboard?(): boolean;
  openDashboard?(): void;
}

export class ProblemListPanel extends ReactWidget {
  constructor(
    private readonly model: JaxlingsModel,
    private readonly actions: IProblemListActions
  ) {
    super();
    this.id = 'jaxlings-problems';
    this.addClass('jp-jaxlings-ProblemList');
    this.title.icon = jaxlingsIcon;
    this.title.caption = 'jaxlings problems';
    model.changed.connect(this._onChange, this);
  }

  dispose(): void {
    this.model.changed.disconnect(this._onChange, this);
    super.dispose();
  }

  protected render(): JSX.Element {
    return <ProblemList model={this.model} actions={this.actions} />;
  }

  private _onChange(): void {
    this.update();
  }
}

const STATUS_MARK: Record<ProblemSummary['status'], string> = {
  new: '○',
  attempted: '◐',
  solved: '✓'
};

/** Checks per day over the last two weeks, as small bars (Observable Plot). */
function ActivityChart(props: { overview: IOverview }): JSX.Element {
  const { overview } = props;
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    const chart = Plot.plot({
      width: 200,
      height: 44,
      marginTop: 4,
      marginBottom: 4,
      marginLeft: 0,
      marginRight: 0,
      x: { axis: null, type: 'band', domain: overview.days.map(d => d.day) },
      y: { axis: null, domain: [0, Math.max(1, ...overview.days.map(d => d.attempts))] },
      marks: [
        Plot.ruleY([0], { stroke: 'var(--jp-border-color1)' }),
        Plot.barY(overview.days, {
          x: 'day',
          y: 'attempts',
          fill: 'var(--jp-ui-font-color3)',
          inset: 1
        }),
        Plot.barY(overview.days, {
          x: 'day',
          y: 'passed',
          fill: 'var(--jp-brand-color1)',
          inset: 1
        })
      ]
    });
    node.replaceChildren(silenced(chart));
    return () => node.replaceChildren();
  }, [overview]);
  return <div ref={host} className="jp-jaxlings-Overview-chart" aria-hidden="true" />;
}

/** Streak, Checks of the last two weeks and their chart. */
function Overview(props: { model: JaxlingsModel }): JSX.Element {
  const activity = props.model.activity;
  const overview = React.useMemo(() => progressOverview(activity), [activity]);
  const days = overview.days.length;
  const passed = overview.days.reduce((sum, d) => sum + d.passed, 0);
  return (
    <section
      className="jp-jaxlings-Overview"
      aria-label="Your progress"
      data-streak={overview.streak}
    >
      <div className="jp-jaxlings-Overview-streak">{streakLabel(overview.streak)}</div>
      <div className="jp-jaxlings-Overview-checks">
        {overview.checks} Check{overview.checks === 1 ? '' : 's'} ({passed} passing) in the last{' '}
        {days} days
      </div>
      <ActivityChart overview={overview} />
    </section>
  );
}

/** Arrow keys, Home and End move between the problems; Tab leaves the list in one stop. */
function moveFocus(event: React.KeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) {
    return;
  }
  const items = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>('.jp-jaxlings-ProblemItem')
  ];
  if (items.length === 0) {
    return;
  }
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  items[next].focus();
}

function ProblemList(props: { model: JaxlingsModel; actions: IProblemListActions }): JSX.Element {
  const { model, actions } = props;
  const [filter, setFilter] = React.useState('');
  const [current, setCurrent] = React.useState<string | null>(null);
  const groups = groupBySprint([...model.problems], filter, [...model.sprints]);
  const solved = model.problems.filter(p => p.status === 'solved').length;
  // the one problem reachable with Tab: the last one focused, else the first one shown
  const shownIds = groups.flatMap(g => g.problems.map(p => p.id));
  const tabStop = current !== null && shownIds.includes(current) ? current : shownIds[0];

  let body: JSX.Element;
  if (!model.loaded) {
    body = <p className="jp-jaxlings-muted">Loading problems…</p>;
  } else if (model.loadError) {
    body = (
      <div className="jp-jaxlings-notice jp-mod-error" role="alert">
        <p>The problem list could not be loaded: {model.loadError}</p>
        <button className="jp-mod-styled" onClick={() => actions.refresh()}>
          Try again
        </button>
      </div>
    );
  } else if (model.problems.length === 0) {
    body = <p className="jp-jaxlings-muted">The problem bank is empty.</p>;
  } else if (groups.length === 0) {
    body = <p className="jp-jaxlings-muted">No problem matches “{filter}”.</p>;
  } else {
    body = (
      <div className="jp-jaxlings-ProblemList-groups" onKeyDown={moveFocus}>
        {groups.map(group => {
          const headingId = `jaxlings-sprint-${group.key}`;
          const pct = percentSolved(group);
          return (
            <section
              key={group.key}
              className="jp-jaxlings-Sprint"
              aria-labelledby={headingId}
              data-sprint={group.key}
            >
              <h3 id={headingId} className="jp-jaxlings-Sprint-title">
                <span className="jp-jaxlings-Sprint-key">{group.key}</span> {group.title}
              </h3>
              <div
                className="jp-jaxlings-Progress"
                role="progressbar"
                aria-label={`Sprint ${group.key} progress`}
                aria-valuemin={0}
                aria-valuemax={group.total}
                aria-valuenow={group.solved}
                aria-valuetext={sprintProgressLabel(group)}
              >
                <div className="jp-jaxlings-Progress-bar" style={{ width: `${pct}%` }} />
              </div>
              <div className="jp-jaxlings-Sprint-count">{sprintProgressLabel(group)}</div>
              <ul className="jp-jaxlings-Sprint-problems">
                {group.problems.map(p => (
                  <li key={p.id}>
                    <button
                      className="jp-jaxlings-ProblemItem"
                      data-problem-id={p.id}
                      data-status={p.status}
                      data-difficulty={p.difficulty}
                      tabIndex={p.id === tabStop ? 0 : -1}
                      onFocus={() => setCurrent(p.id)}
                      aria-label={`Problem ${problemNumber(p.order)}: ${p.title}, ${p.difficulty}, ${STATUS_LABEL[p.status]}`}
                      title={`${p.title} (${p.difficulty}) — ${STATUS_LABEL[p.status]}${
                        p.attempts ? `, ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}` : ''
                      }`}
                      onClick={() => actions.open(p.id)}
                    >
                      <span className="jp-jaxlings-ProblemItem-number">
                        {problemNumber(p.order)}
                      </span>
                      <span className="jp-jaxlings-ProblemItem-title">{p.title}</span>
                      <span
                        className="jp-jaxlings-ProblemItem-difficulty"
                        data-difficulty={p.difficulty}
                        aria-hidden="true"
                      >
                        {p.difficulty}
                      </span>
                      <span
                        className="jp-jaxlings-StatusMark"
                        data-status={p.status}
                        aria-hidden="true"
                      >
                        {STATUS_MARK[p.status]}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    );
  }

  return (
    <div className="jp-jaxlings-ProblemList-inner">
      <header className="jp-jaxlings-ProblemList-header">
        <h2 className="jp-jaxlings-ProblemList-title">Problems</h2>
        {model.loaded && !model.loadError && (
          <span className="jp-jaxlings-ProblemList-total" aria-label="Problems solved">
            {solved} / {model.problems.length} solved
          </span>
        )}
        <button
          className="jp-jaxlings-iconButton"
          aria-label="Refresh the problem list"
          title="Refresh"
          onClick={() => actions.refresh()}
        >
          <refreshIcon.react tag="span" elementSize="normal" />
        </button>
      </header>
      {actions.dashboard?.() && (
        <div className="jp-jaxlings-Teach">
          <button
            className="jp-mod-styled jp-mod-accept"
            title="Opens the classroom service's page in a new browser tab"
            onClick={() => actions.openDashboard?.()}
          >
            Open the class dashboard
          </button>
        </div>
      )}
      {model.loaded && !model.loadError && <Overview model={model} />}
      <div className="jp-jaxlings-Filter">
        <input
          type="search"
          className="jp-jaxlings-Filter-input"
          placeholder="Filter: number, title, status…"
          aria-label="Filter problems"
          value={filter}
          onChange={event => setFilter(event.target.value)}
        />
      </div>
      <div className="jp-jaxlings-ProblemList-body">{body}</div>
    </div>
  );
}
