import type { UiAccessOptions } from './security/access-options.js';

/** Options of the run's web page: `start({ ui: { port: 0 } })`. */
export interface UiOptions extends UiAccessOptions {
  /** Address the server listens on (default `'127.0.0.1'`: this computer only; `'0.0.0.0'` for the network, with the token always required: see `tls`). */
  host?: string;
  /** Port (default 8050, or the `CRAPPY_UI_PORT` environment variable); 0 picks a free one. */
  port?: number;
  /** Open the page in the default browser at start (default false, or `CRAPPY_UI_OPEN=1`). */
  open?: boolean;
}

/** The default port of the UI server. */
export const DEFAULT_UI_PORT = 8050;
