/** The dialog that asks which problem an unlinked notebook or file is for. */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';

import type { ProblemSummary } from './api';
import { bindingLine, problemNumber } from '@jaxlings/client';

class ProblemPicker extends Widget implements Dialog.IBodyWidget<string> {
  constructor(problems: readonly ProblemSummary[], kind: 'notebook' | 'file', preselect?: string) {
    super();
    this.addClass('jp-jaxlings-Picker');
    const intro = document.createElement('p');
    intro.textContent =
      kind === 'notebook'
        ? `This notebook is not linked to a jaxlings problem. Choose the problem it is for: ` +
          `the link is saved in the notebook's metadata (jaxlings.problem). ` +
          `Next time, Start in a problem's view makes a linked notebook for you.`
        : `This file is not linked to a jaxlings problem. Choose the problem it is for: ` +
          `a first line "${bindingLine('<problem id>')}" is added to link it.`;
    const label = document.createElement('label');
    label.textContent = 'Problem ';
    this._select = document.createElement('select');
    this._select.className = 'jp-mod-styled';
    this._select.setAttribute('aria-label', 'Problem');
    const sorted = [...problems].sort((a, b) => a.order - b.order);
    let group: HTMLOptGroupElement | null = null;
    for (const p of sorted) {
      if (!group || group.dataset.sprint !== p.sprint) {
        group = document.createElement('optgroup');
        group.dataset.sprint = p.sprint;
        group.label = `${p.sprint} · ${p.sprint_title}`;
        this._select.appendChild(group);
      }
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = `${problemNumber(p.order)} · ${p.title}`;
      option.selected = p.id === preselect;
      group.appendChild(option);
    }
    label.appendChild(this._select);
    this.node.append(intro, label);
  }

  getValue(): string {
    return this._select.value;
  }

  private _select: HTMLSelectElement;
}

/** Ask which problem; null when the learner cancels or there is nothing to choose. */
export async function askProblem(
  problems: readonly ProblemSummary[],
  kind: 'notebook' | 'file',
  preselect?: string
): Promise<string | null> {
  if (problems.length === 0) {
    await showDialog({
      title: 'Not linked to a problem',
      body:
        kind === 'notebook'
          ? 'This notebook is not linked to a jaxlings problem, and no problems could be loaded. ' +
            'Open a problem from the jaxlings panel and press Start to get a linked notebook.'
          : `Add "${bindingLine('<problem id>')}" as the first line of this file to link it to a problem.`,
      buttons: [Dialog.okButton({ label: 'OK' })]
    });
    return null;
  }
  const result = await showDialog({
    title: 'Which problem is this for?',
    body: new ProblemPicker(problems, kind, preselect),
    buttons: [Dialog.cancelButton(), Dialog.okButton({ label: 'Link and check' })],
    focusNodeSelector: 'select'
  });
  return result.button.accept && result.value ? result.value : null;
}
