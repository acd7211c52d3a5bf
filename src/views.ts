/**
 * The problem views in the main area. The layout is one notebook area and one view area side
 * by side: a problem's view opens beside its notebook, a second problem's view as a tab of the
 * first's, and a view never opens over the notebook being edited.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { DockPanel, TabBar, Widget } from '@lumino/widgets';

import { problemNumber } from '@jaxlings/client';
import { jaxlingsIcon } from './icons';
import type { JaxlingsModel } from './model';
import { IProblemViewActions, ProblemView } from './problemview';

/** The tab bar that holds a main-area widget (null when it is not docked). */
export function tabBarOf(widget: Widget): TabBar<Widget> | null {
  const dock = widget.parent;
  if (!(dock instanceof DockPanel) || !widget.isAttached) {
    return null;
  }
  for (const bar of dock.tabBars()) {
    if (bar.titles.includes(widget.title)) {
      return bar;
    }
  }
  return null;
}

/** Make a docked widget the shown tab of its area without moving the focus. */
export function reveal(widget: Widget): void {
  const bar = tabBarOf(widget);
  if (bar) {
    bar.currentTitle = widget.title;
  }
}

export class ProblemViews {
  constructor(
    private readonly shell: JupyterFrontEnd.IShell,
    private readonly model: JaxlingsModel,
    private readonly rendermime: IRenderMimeRegistry,
    private readonly actions: IProblemViewActions
  ) {}

  readonly tracker = new WidgetTracker<ProblemView>({ namespace: 'jaxlings-problem' });

  find(id: string): ProblemView | undefined {
    return this.tracker.find(v => v.problemId === id);
  }

  /** Redraw every view (whether a Check has a target may have changed). */
  updateAll(): void {
    this.tracker.forEach(view => view.update());
  }

  titleFor(id: string): string {
    const p = this.model.detail(id) ?? this.model.summary(id);
    return p ? `${problemNumber(p.order)} · ${p.title}` : id;
  }

  retitle(id: string): void {
    const view = this.find(id);
    if (view) {
      view.title.label = this.titleFor(id);
    }
  }

  /** Another docked view: where a new one goes, as a tab. */
  private _otherView(view: ProblemView | undefined): ProblemView | undefined {
    const current = this.tracker.currentWidget;
    if (current && current !== view && tabBarOf(current)) {
      return current;
    }
    return this.tracker.find(v => v !== view && tabBarOf(v) !== null);
  }

  /** Dock `view`: as a tab of another view, else right of `ref` (or of the current widget). */
  private _place(view: ProblemView, ref: Widget | null): void {
    const other = this._otherView(view);
    const otherBar = other ? tabBarOf(other) : null;
    const refBar = ref ? tabBarOf(ref) : null;
    if (other && (!refBar || otherBar !== refBar)) {
      this.shell.add(view, 'main', { ref: other.id, mode: 'tab-after', activate: false });
    } else if (ref && refBar) {
      this.shell.add(view, 'main', { ref: ref.id, mode: 'split-right', activate: false });
    } else {
      this.shell.add(view, 'main', { activate: false });
    }
  }

  /**
   * Open (or reveal) the view of a problem, beside `ref` (its notebook) when given, else beside
   * the current notebook. The problem is reloaded from the server unless `reload` is false and
   * it is loaded already (a Check's own answer brings what moved).
   */
  open(
    id: string,
    options: { ref?: Widget; activate?: boolean; reload?: boolean } = {}
  ): ProblemView {
    const { shell } = this;
    let view = this.find(id);
    const current = shell.currentWidget;
    const ref =
      options.ref ?? (current && !(current instanceof ProblemView) ? current : null) ?? null;
    if (!view) {
      view = new ProblemView(id, this.model, this.rendermime, this.actions);
      view.id = `jaxlings-problem-${id}`;
      view.title.label = this.titleFor(id);
      view.title.caption = `jaxlings problem ${id}`;
      view.title.icon = jaxlingsIcon;
      view.title.closable = true;
      void this.tracker.add(view);
      this._place(view, ref);
    } else if (!tabBarOf(view) || (ref && tabBarOf(ref) === tabBarOf(view))) {
      // not docked, or a tab of the notebook's own area (it would hide it): move it beside
      this._place(view, ref);
    }
    reveal(view);
    if (options.activate !== false) {
      shell.activateById(view.id);
    }
    if (options.reload !== false || !this.model.detail(id)) {
      void this.model
        .loadDetail(id)
        .then(() => this.retitle(id))
        .catch(() => undefined);
    }
    return view;
  }
}
