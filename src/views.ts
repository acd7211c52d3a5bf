/** The problem views in the main area: opened beside their notebook, titled, kept in a tracker. */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { Widget } from '@lumino/widgets';

import { problemNumber } from '@jaxlings/client';
import { jaxlingsIcon } from './icons';
import type { JaxlingsModel } from './model';
import { IProblemViewActions, ProblemView } from './problemview';

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

  /**
   * Open (or reveal) the view of a problem; beside `ref` when given. The problem is reloaded
   * from the server unless `reload` is false and it is loaded already (a Check's own answer
   * brings what moved).
   */
  open(
    id: string,
    options: { ref?: Widget; activate?: boolean; reload?: boolean } = {}
  ): ProblemView {
    const { shell } = this;
    let view = this.find(id);
    if (!view) {
      view = new ProblemView(id, this.model, this.rendermime, this.actions);
      view.id = `jaxlings-problem-${id}`;
      view.title.label = this.titleFor(id);
      view.title.caption = `jaxlings problem ${id}`;
      view.title.icon = jaxlingsIcon;
      view.title.closable = true;
      void this.tracker.add(view);
      shell.add(view, 'main', options.ref ? { ref: options.ref.id, mode: 'split-right' } : {});
    } else if (options.ref && !(view.isVisible && options.ref.isVisible)) {
      // Not already side by side with its notebook: move it beside it.
      shell.add(view, 'main', { ref: options.ref.id, mode: 'split-right' });
    }
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
