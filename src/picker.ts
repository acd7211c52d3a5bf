/** The dialog that asks which problem an unlinked notebook or file is for. */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { CommandRegistry } from '@lumino/commands';
import type { ElementDataset } from '@lumino/virtualdom';
import { CommandPalette, PanelLayout, Widget } from '@lumino/widgets';

import type { ProblemSummary } from './api';
import { bindingLine, problemNumber } from '@jaxlings/client';
import { stringArg } from './targets';

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

/** Palette rows that carry their problem's id, so Enter in the dialog knows the active one. */
class ProblemRowRenderer extends CommandPalette.Renderer {
  createItemDataset(data: CommandPalette.IItemRenderData): ElementDataset {
    return { ...super.createItemDataset(data), problem: stringArg(data.item.args, 'id') };
  }
}

class ProblemFinder extends Widget implements Dialog.IBodyWidget<string> {
  constructor(problems: readonly ProblemSummary[], choose: (id: string) => void) {
    super();
    this.addClass('jp-jaxlings-Finder');
    const commands = new CommandRegistry();
    commands.addCommand('pick', {
      label: args => {
        const p = problems.find(q => q.id === args.id);
        return p ? `${problemNumber(p.order)} · ${p.title}` : stringArg(args, 'id');
      },
      caption: args => stringArg(args, 'id'),
      execute: args => choose(stringArg(args, 'id'))
    });
    this._palette = new CommandPalette({ commands, renderer: new ProblemRowRenderer() });
    this._palette.inputNode.placeholder = 'Number, title or id…';
    this._palette.inputNode.setAttribute('aria-label', 'Find a problem');
    for (const p of [...problems].sort((a, b) => a.order - b.order)) {
      this._palette.addItem({
        command: 'pick',
        args: { id: p.id },
        category: `Sprint ${p.sprint} · ${p.sprint_title}`
      });
    }
    const layout = new PanelLayout();
    layout.addWidget(this._palette);
    this.layout = layout;
  }

  /** The highlighted row (arrow keys), else the first one the filter leaves. */
  getValue(): string {
    const row =
      this._palette.contentNode.querySelector<HTMLElement>(
        '.lm-CommandPalette-item.lm-mod-active'
      ) ?? this._palette.contentNode.querySelector<HTMLElement>('.lm-CommandPalette-item');
    return row?.dataset.problem ?? '';
  }

  private _palette: CommandPalette;
}

/** A fuzzy finder over the problems (Lumino's command palette); the chosen id or null. */
export async function pickProblem(problems: readonly ProblemSummary[]): Promise<string | null> {
  let chosen: string | null = null;
  const dialog = new Dialog<string>({
    title: 'Open a problem',
    body: new ProblemFinder(problems, id => {
      chosen = id;
      dialog.resolve(1);
    }),
    buttons: [Dialog.cancelButton(), Dialog.okButton({ label: 'Open' })],
    focusNodeSelector: 'input'
  });
  const result = await dialog.launch();
  if (!result.button.accept) {
    return null;
  }
  return chosen ?? (result.value || null);
}
