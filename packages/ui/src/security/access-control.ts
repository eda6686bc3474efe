import type { IncomingMessage } from 'node:http';
import type { AccessSettings } from './access-options.js';
import { readCookie, tokenCookie } from './cookie.js';
import { acceptedHostnames, hostAccepted, sameOrigin } from './hosts.js';
import { newToken, sameToken } from './token.js';

/** What a page may do: `control` the run (Pause, Resume, Stop, Buttons) or only `view` it. @internal */
export type Role = 'control' | 'view';

/**
 * The gate's answer to a request: go on with a role; `login`: a valid
 * `?token=` to turn into a cookie, redirecting to `location` without it;
 * or `refuse` with a 403.
 * @internal
 */
export type Verdict =
  | { kind: 'allow'; role: Role }
  | { kind: 'login'; role: Role; location: string; cookie: string }
  | { kind: 'refuse'; reason: string };

/** Headers of every answer: no framing by another site (clickjacking), no token in a Referer. @internal */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * Who may use the run's server, decided per request as notebook servers
 * do: the `Host` must name this server (against DNS rebinding), an
 * `Origin` must be the page's own (always required on the socket: another
 * site's page cannot open it), and, unless turned off on loopback, the
 * request must carry one of the run's two random tokens, in the query of
 * the printed address or in the HttpOnly, SameSite=Strict cookie the page
 * got from it. The control token gives the `control` role, the view token
 * the `view` role.
 * @internal
 */
export class AccessControl {
  /** The run's tokens, or `null` when none is required. */
  readonly tokens: Readonly<Record<Role, string>> | null;
  private readonly hostnames: Set<string>;
  private readonly cookieName: string;
  private readonly secure: boolean;

  /**
   * @param settings the checked access options
   * @param host the address the server listens on
   * @param port the port it listens on
   */
  constructor(
    settings: AccessSettings,
    host: string,
    private readonly port: number,
  ) {
    this.tokens = settings.token ? { control: newToken(), view: newToken() } : null;
    this.hostnames = acceptedHostnames(host, settings.allowedHosts);
    this.secure = settings.tls !== null;
    // Cookies are shared by every port of a host: one name per port keeps two runs apart.
    this.cookieName = `crappy-ui-${port}`;
  }

  /** The query giving `role` to add to the page's address (empty without tokens). */
  query(role: Role): string {
    return this.tokens === null ? '' : `?token=${this.tokens[role]}`;
  }

  /** Decides on a request for a file (`socket` false) or a WebSocket upgrade (`socket` true). */
  check(req: IncomingMessage, socket: boolean): Verdict {
    const { host, origin } = req.headers;
    if (!hostAccepted(host, this.hostnames, this.port, this.secure)) return refuse(`Host ${String(host)} is not this server's address`);
    if ((socket || origin !== undefined) && !sameOrigin(origin, host!, this.secure)) {
      return refuse(origin === undefined ? 'a WebSocket without an Origin' : `Origin ${origin} is not this page's`);
    }
    if (this.tokens === null) return { kind: 'allow', role: 'control' };
    const url = new URL(req.url ?? '/', 'http://page');
    const given = url.searchParams.get('token');
    if (given !== null) {
      const role = this.roleOf(given);
      if (role === null) return refuse('wrong token');
      if (socket) return { kind: 'allow', role };
      url.searchParams.delete('token');
      return { kind: 'login', role, location: `${url.pathname}${url.search}`, cookie: tokenCookie(this.cookieName, given, this.secure) };
    }
    const role = this.roleOf(readCookie(req.headers.cookie, this.cookieName));
    return role === null ? refuse('no token: open the address printed in the terminal, with its ?token=') : { kind: 'allow', role };
  }

  private roleOf(token: string | undefined): Role | null {
    if (this.tokens === null || token === undefined) return null;
    // Both compared every time: the time taken tells nothing of which one matched.
    const control = sameToken(token, this.tokens.control);
    const view = sameToken(token, this.tokens.view);
    return control ? 'control' : view ? 'view' : null;
  }
}

function refuse(reason: string): Verdict {
  return { kind: 'refuse', reason };
}
