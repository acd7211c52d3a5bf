/** A few lines of DOM building, so every table is real table markup without a framework. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h('th', { scope: 'col' }, 'learner')`: attributes, `on…` listeners, then children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A table with a caption, column headers and rows; a row's first cell is its header. */
export function table(
  caption: string,
  columns: { label: string; numeric?: boolean }[],
  rows: Child[][],
  attrs: Attrs = {}
): HTMLTableElement {
  const head = h(
    'tr',
    {},
    ...columns.map(c => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label))
  );
  const body = rows.map(cells => tableRow(columns, cells));
  return h(
    'table',
    attrs,
    h('caption', {}, caption),
    h('thead', {}, head),
    h('tbody', {}, ...body)
  );
}

export function tableRow(
  columns: { numeric?: boolean }[],
  cells: Child[],
  attrs: Attrs = {}
): HTMLTableRowElement {
  return h(
    'tr',
    attrs,
    ...cells.map((cell, i) =>
      i === 0
        ? h('th', { scope: 'row' }, cell)
        : h('td', { class: columns[i]?.numeric ? 'num' : null }, cell)
    )
  );
}

/**
 * Replace a container's content, keeping keyboard focus on the element with the same
 * `data-focus` key (a poll that redraws a table must not throw the reader out of it).
 */
export function replace(container: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && container.contains(active) ? active.dataset.focus : undefined;
  container.replaceChildren();
  append(container, ...children);
  if (key !== undefined) {
    const again = container.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
    again?.focus();
  }
}
