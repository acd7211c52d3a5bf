/** Markdown rendered by JupyterLab's rendermime: sanitized, code highlighted, math typeset. */
import { IRenderMimeRegistry, MimeModel } from '@jupyterlab/rendermime';
import { Widget } from '@lumino/widgets';
import * as React from 'react';

export interface IMarkdownProps {
  rendermime: IRenderMimeRegistry;
  source: string;
  className?: string;
}

export function Markdown(props: IMarkdownProps): JSX.Element {
  const { rendermime, source, className } = props;
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    const renderer = rendermime.createRenderer('text/markdown');
    // Untrusted: rendermime sanitizes the HTML the markdown may contain.
    const model = new MimeModel({ data: { 'text/markdown': source }, trusted: false });
    if (node.isConnected) {
      Widget.attach(renderer, node);
    } else {
      node.appendChild(renderer.node);
    }
    void renderer.renderModel(model).catch(error => {
      renderer.node.textContent = source;
      console.warn('jaxlings: markdown rendering failed', error);
    });
    return () => {
      // Closing the view takes its node out of the page before React cleans up: a renderer
      // still marked attached would make dispose() throw "Widget is not attached."
      if (renderer.isAttached && !renderer.node.isConnected) {
        renderer.clearFlag(Widget.Flag.IsAttached);
      }
      renderer.dispose();
      renderer.node.remove();
    };
  }, [rendermime, source]);
  return <div ref={host} className={`jp-jaxlings-Markdown ${className ?? ''}`} />;
}
