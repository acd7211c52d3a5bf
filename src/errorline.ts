/** Marks the line an error points at in a CodeMirror 6 editor (cleared on the next edit). */
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, DecorationSet, EditorView } from '@codemirror/view';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { CodeMirrorEditor } from '@jupyterlab/codemirror';

export const ERROR_LINE_CLASS = 'jp-jaxlings-errorLine';

interface IMark {
  line: number;
  title: string;
}

const setMark = StateEffect.define<IMark | null>();

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    if (tr.docChanged) {
      marks = Decoration.none;
    }
    for (const effect of tr.effects) {
      if (effect.is(setMark)) {
        const mark = effect.value;
        if (mark === null || mark.line < 1 || mark.line > tr.state.doc.lines) {
          marks = Decoration.none;
        } else {
          const line = tr.state.doc.line(mark.line);
          marks = Decoration.set([
            Decoration.line({
              class: ERROR_LINE_CLASS,
              attributes: { title: mark.title, 'data-jaxlings-error-line': String(mark.line) }
            }).range(line.from)
          ]);
        }
      }
    }
    return marks;
  },
  provide: field => EditorView.decorations.from(field)
});

const injected = new WeakSet<object>();

function viewOf(editor: CodeEditor.IEditor): EditorView | null {
  const cm = editor as CodeMirrorEditor;
  if (!cm || typeof cm.injectExtension !== 'function' || !cm.editor) {
    return null;
  }
  if (!injected.has(cm)) {
    cm.injectExtension(errorLineField);
    injected.add(cm);
  }
  return cm.editor;
}

/** Mark 1-based `line` (ignored when the editor has fewer lines). */
export function markErrorLine(editor: CodeEditor.IEditor, line: number, title: string): void {
  const view = viewOf(editor);
  view?.dispatch({ effects: setMark.of({ line, title }) });
}

export function clearErrorLine(editor: CodeEditor.IEditor): void {
  if (!injected.has(editor)) {
    return;
  }
  (editor as CodeMirrorEditor).editor?.dispatch({ effects: setMark.of(null) });
}
