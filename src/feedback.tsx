/** Pictures of a failed case: its differing elements, heatmaps of a 2-D or 3-D output (Plot). */
import * as Plot from '@observablehq/plot';
import * as React from 'react';

import type { ArrayDiff, Pitfall } from './api';
import {
  diffElements,
  diffHeatmaps,
  diffTitle,
  formatElement,
  IHeatCell,
  pitfallHeadline
} from '@jaxlings/client';

/** A 1-D output element by element, the differing ones marked (not by colour alone). */
export function ElementRow(props: { diff: ArrayDiff }): JSX.Element {
  const elements = diffElements(props.diff);
  const differing = elements.filter(e => e.differs).length;
  return (
    <div className="jp-jaxlings-Elements" data-diff="elements">
      <table>
        <caption>
          {diffTitle(props.diff)}: {differing} of {elements.length} shown differ (marked ≠)
        </caption>
        <tbody>
          <tr>
            <th scope="row">index</th>
            {elements.map(e => (
              <td key={e.index} className={e.differs ? 'jp-mod-differs' : ''}>
                {e.differs ? `≠${e.index}` : e.index}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">expected</th>
            {elements.map(e => (
              <td key={e.index} className={e.differs ? 'jp-mod-differs' : ''}>
                {formatElement(e.expected)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">actual</th>
            {elements.map(e => (
              <td key={e.index} className={e.differs ? 'jp-mod-differs' : ''}>
                {formatElement(e.actual)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart whose words are said elsewhere (the container's label): hidden from assistive
 * technology, without the aria-labels Plot puts on its groups, which no role allows.
 */
export function silenced<T extends Element>(chart: T): T {
  chart.setAttribute('aria-hidden', 'true');
  chart.querySelectorAll('[aria-label]').forEach(node => node.removeAttribute('aria-label'));
  chart.removeAttribute('aria-label');
  return chart;
}

const PANELS: { key: IHeatCell['panel']; label: string }[] = [
  { key: 'expected', label: 'Expected' },
  { key: 'actual', label: 'Actual' },
  { key: 'difference', label: 'Actual − expected' }
];

/** Expected, actual and their difference as small heatmaps, one row per 2-D slice. */
export function Heatmaps(props: { diff: ArrayDiff }): JSX.Element {
  const { diff } = props;
  const maps = React.useMemo(() => diffHeatmaps(diff), [diff]);
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    // about 160 px a side for a large matrix; a small one gets cells large enough to tell apart
    const cell = Math.max(3, Math.min(28, Math.floor(160 / Math.max(maps.rows, maps.cols))));
    const width = cell * maps.cols;
    const height = cell * maps.rows;
    const values = maps.cells
      .filter(c => c.panel !== 'difference' && c.value !== null)
      .map(c => c.value as number);
    const lo = Math.min(...values, 0);
    const hi = Math.max(...values, lo + 1e-9);
    const gap = maps.maxGap || 1;
    const scales = {
      values: { type: 'linear' as const, scheme: 'viridis' as const, domain: [lo, hi] },
      difference: { type: 'linear' as const, scheme: 'rdbu' as const, domain: [gap, -gap] }
    };
    const figures: Element[] = [];
    const legends = document.createElement('div');
    legends.className = 'jp-jaxlings-Heatmaps-legends';
    legends.append(
      silenced(
        Plot.legend({ color: scales.values, label: 'value', width: Math.max(160, 2 * width) })
      ),
      silenced(
        Plot.legend({
          color: scales.difference,
          label: 'actual − expected',
          width: Math.max(120, width)
        })
      )
    );
    figures.push(legends);
    for (const slice of maps.slices) {
      for (const panel of PANELS) {
        const cells = maps.cells.filter(c => c.slice === slice && c.panel === panel.key);
        const differing = cells.filter(c => c.differs);
        const chart = Plot.plot({
          width,
          height,
          margin: 0,
          padding: 0,
          x: { axis: null, domain: [...Array(maps.cols).keys()] },
          y: { axis: null, domain: [...Array(maps.rows).keys()] },
          color: panel.key === 'difference' ? scales.difference : scales.values,
          marks: [
            Plot.frame({ stroke: 'var(--jp-border-color1)' }),
            Plot.cell(cells, { x: 'col', y: 'row', fill: 'value', inset: 0 }),
            panel.key === 'difference'
              ? Plot.cell(differing, {
                  x: 'col',
                  y: 'row',
                  fill: 'none',
                  stroke: 'var(--jp-ui-font-color0)',
                  strokeWidth: cell > 6 ? 1.5 : 0.75,
                  inset: 0.5
                })
              : null
          ]
        });
        const figure = document.createElement('figure');
        figure.className = 'jp-jaxlings-Heatmap';
        figure.dataset.panel = panel.key;
        const caption = document.createElement('figcaption');
        caption.textContent = slice ? `${panel.label} ${slice}` : panel.label;
        figure.append(caption, silenced(chart));
        figures.push(figure);
      }
    }
    node.replaceChildren(...figures);
    return () => node.replaceChildren();
  }, [maps]);
  const [, rows, cols] = diff.shape.length === 3 ? diff.shape : [1, ...diff.shape];
  return (
    <div className="jp-jaxlings-HeatmapBlock" data-diff="heatmaps">
      <p className="jp-jaxlings-HeatmapBlock-title">
        {diffTitle(diff)}: {diff.differs.length} of {diff.expected.length} drawn elements differ
        (outlined in the difference).
        {maps.cutNote && <> {maps.cutNote}</>}
      </p>
      <div
        ref={host}
        className="jp-jaxlings-Heatmaps"
        role="img"
        aria-label={`Heatmaps of the expected and actual ${rows} × ${cols} values and their difference; ${diff.differs.length} elements differ.`}
      />
    </div>
  );
}

/** The picture that fits a diff: elements for a vector, heatmaps for a matrix or a stack. */
export function DiffPicture(props: { diff: ArrayDiff }): JSX.Element {
  return props.diff.shape.length === 1 ? (
    <ElementRow diff={props.diff} />
  ) : (
    <Heatmaps diff={props.diff} />
  );
}

/** "This looks like a pitfall the statement lists: …" with that pitfall's paragraph. */
export function PitfallNote(props: {
  pitfall: Pitfall;
  markdown?: (source: string) => JSX.Element;
}): JSX.Element {
  const { pitfall, markdown } = props;
  return (
    <div className="jp-jaxlings-Pitfall" role="note" data-pitfall={pitfall.file}>
      <strong>{pitfallHeadline(pitfall)}</strong>
      {pitfall.summary_md &&
        (markdown ? markdown(pitfall.summary_md) : <p>{pitfall.summary_md}</p>)}
    </div>
  );
}
