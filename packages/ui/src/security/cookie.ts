/** The value of cookie `name` in a `Cookie` request header, if there. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const equal = pair.indexOf('=');
    if (equal >= 0 && pair.slice(0, equal).trim() === name) return pair.slice(equal + 1).trim();
  }
  return undefined;
}

/**
 * A `Set-Cookie` value holding a token: out of reach of the page's scripts
 * (HttpOnly), never sent by another site's requests (SameSite=Strict), over
 * HTTPS only when the server has TLS (Secure).
 */
export function tokenCookie(name: string, token: string, secure: boolean): string {
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
