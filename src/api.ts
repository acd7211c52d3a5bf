/**
 * The lab's side of the REST client: the shared @jaxlings/client over JupyterLab's
 * ServerConnection (which adds the base URL, the token and the XSRF cookie).
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { JaxlingsClient as SharedClient, request, Transport } from '@jaxlings/client';

export * from '@jaxlings/client';

/** A transport through ServerConnection.makeRequest, the lab's one way to reach its server. */
export function serverConnectionTransport(
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Transport {
  return async (path, init) => {
    const url = URLExt.join(settings.baseUrl, 'jaxlings/api', path);
    try {
      return await ServerConnection.makeRequest(url, init, settings);
    } catch (error) {
      throw new ServerConnection.NetworkError(error as TypeError);
    }
  };
}

/**
 * Call the jaxlings REST API at `{baseUrl}jaxlings/api/{endPoint}`.
 * A non-2xx answer rejects with an APIError whose message is the server's.
 */
export function requestAPI<T>(
  endPoint = '',
  init: { method?: string; body?: string } = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<T> {
  return request<T>(serverConnectionTransport(settings), endPoint, init);
}

/** The client the lab uses: the shared one over ServerConnection. */
export class JaxlingsClient extends SharedClient {
  constructor(settings: ServerConnection.ISettings = ServerConnection.makeSettings()) {
    super(serverConnectionTransport(settings));
  }
}
