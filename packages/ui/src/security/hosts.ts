import { hostname, networkInterfaces } from 'node:os';

/** The names under which a browser reaches a server listening on a loopback address. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Whether `host` (an address to listen on) is reachable from this computer only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether `host` (an address to listen on) means every address of this computer. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** `host` as it appears in a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The host names accepted in the `Host` header of a server listening on
 * `listenHost`: that address, the loopback names on loopback, every address
 * and the name of this computer on a wildcard address, and `extra`. Any
 * other `Host` (a DNS-rebinding page's `evil.example`) is refused.
 */
export function acceptedHostnames(listenHost: string, extra: readonly string[]): Set<string> {
  const names = new Set(extra.map((name) => urlHost(name.toLowerCase())));
  if (isLoopback(listenHost)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
  } else if (isWildcard(listenHost)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
    for (const address of Object.values(networkInterfaces()).flat()) if (address) names.add(urlHost(address.address.split('%')[0]!));
    names.add(hostname().toLowerCase());
  }
  names.add(urlHost(listenHost.toLowerCase()));
  return names;
}

/**
 * Whether a request's `Host` header names this server: one of `names`, on
 * `port` (or the scheme's default port when the header has none).
 */
export function hostAccepted(header: string | undefined, names: ReadonlySet<string>, port: number, secure: boolean): boolean {
  if (header === undefined || header === '') return false;
  let url: URL;
  try {
    url = new URL(`${secure ? 'https' : 'http'}://${header}`);
  } catch {
    return false;
  }
  // Anything but host[:port] (a user, a path) makes the header invalid.
  if (url.host !== header.toLowerCase() && `${url.host}:${secure ? 443 : 80}` !== header.toLowerCase()) return false;
  const given = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  return given === port && names.has(url.hostname);
}

/**
 * Whether an `Origin` header is the page's own origin: the scheme of the
 * server and the host the request was sent to (already checked by
 * {@link hostAccepted}).
 */
export function sameOrigin(origin: string | undefined, host: string, secure: boolean): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).origin === new URL(`${secure ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return false;
  }
}
