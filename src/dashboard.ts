/**
 * The class dashboard from inside JupyterLab: whether this user may open it (a hub user whose
 * server forwards to the classroom service and who teaches the class) and where it lives.
 */
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { Signal } from '@lumino/signaling';
import type { ISignal } from '@lumino/signaling';

import { requestAPI } from './api';

/** The classroom service's name on the hub; its page is `{hub}/services/jaxlings/`. */
export const SERVICE_NAME = 'jaxlings';

/** The dashboard's address: the hub's base URL (from the hub's page config) and the service. */
export function dashboardUrl(
  hubHost: string,
  hubPrefix: string,
  theme: 'light' | 'dark' | null
): string | null {
  if (!hubPrefix) {
    return null; // not under JupyterHub: there is no classroom service to open
  }
  const base = hubPrefix.replace(/hub\/?$/, '');
  const url = hubHost + URLExt.join(base, 'services', SERVICE_NAME) + '/';
  return theme ? `${url}?theme=${theme}` : url;
}

export class ClassDashboard {
  private _available = false;
  private readonly _changed = new Signal<this, boolean>(this);

  /** Emits once the probe finds the dashboard open to this user. */
  get changed(): ISignal<this, boolean> {
    return this._changed;
  }

  get available(): boolean {
    return this._available;
  }

  url(theme: 'light' | 'dark' | null): string | null {
    return dashboardUrl(PageConfig.getOption('hubHost'), PageConfig.getOption('hubPrefix'), theme);
  }

  /** Asks the class's overview through this server: only an instructor in client mode gets it. */
  async probe(): Promise<boolean> {
    if (this.url(null) === null) {
      return false;
    }
    try {
      await requestAPI('class/overview');
      this._available = true;
      this._changed.emit(true);
    } catch {
      // a learner (403), local mode (403) or a service not reachable: no dashboard here
    }
    return this._available;
  }
}
