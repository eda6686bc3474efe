// The access rules of the UI server, without a server: options, host names, origins, tokens, cookies.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readAccessOptions } from '../../packages/ui/src/security/access-options.js';
import { readCookie, tokenCookie } from '../../packages/ui/src/security/cookie.js';
import { acceptedHostnames, hostAccepted, isLoopback, sameOrigin } from '../../packages/ui/src/security/hosts.js';
import { newToken, sameToken } from '../../packages/ui/src/security/token.js';

describe('readAccessOptions', () => {
  it('requires the token by default, and allows turning it off on loopback only', () => {
    expect(readAccessOptions({}, '0.0.0.0')).toEqual({ token: true, tls: null, allowedHosts: [] });
    expect(readAccessOptions({ token: false }, '127.0.0.1').token).toBe(false);
    expect(readAccessOptions({ token: false }, '::1').token).toBe(false);
    expect(() => readAccessOptions({ token: false }, '192.168.1.20')).toThrow(/ui\.token: false is allowed only on a loopback host/);
    expect(() => readAccessOptions({ token: 'no' as never }, '127.0.0.1')).toThrow('ui.token must be a boolean, got no');
  });

  it('names the wrong TLS file or option', () => {
    expect(() => readAccessOptions({ tls: { key: 'missing-key.pem', cert: 'package.json' } }, '127.0.0.1')).toThrow(/^ui\.tls\.key: cannot read missing-key\.pem: ENOENT/);
    expect(() => readAccessOptions({ tls: { key: 'package.json' } as never }, '127.0.0.1')).toThrow('ui.tls.cert must be the path of a PEM file, got undefined');
    expect(() => readAccessOptions({ tls: { key: 'package.json', cert: 'package.json' } }, '127.0.0.1')).toThrow(/^ui\.tls: the key and certificate cannot be used together/);
    expect(() => readAccessOptions({ allowedHosts: 'lab' as never }, '127.0.0.1')).toThrow('ui.allowedHosts must be an array of host names');
  });
});

describe('host names and origins', () => {
  it('tells loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.20', 'localhost.evil.example'].map(isLoopback)).toEqual([false, false, false, false]);
  });

  it('accepts the loopback names on loopback, this computer on a wildcard, the address given otherwise', () => {
    expect([...acceptedHostnames('127.0.0.1', [])].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    const everywhere = acceptedHostnames('0.0.0.0', ['Bench-3.lab']);
    for (const name of ['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase(), 'bench-3.lab']) expect(everywhere.has(name), name).toBe(true);
    expect([...acceptedHostnames('192.168.1.20', [])]).toEqual(['192.168.1.20']);
    expect([...acceptedHostnames('fe80::1', [])]).toEqual(['[fe80::1]']);
  });

  it('checks the Host header: name, port, nothing else', () => {
    const names = acceptedHostnames('127.0.0.1', []);
    expect(hostAccepted('127.0.0.1:8050', names, 8050, false)).toBe(true);
    expect(hostAccepted('LOCALHOST:8050', names, 8050, false)).toBe(true);
    expect(hostAccepted('[::1]:8050', names, 8050, false)).toBe(true);
    expect(hostAccepted('localhost', names, 80, false)).toBe(true);
    expect(hostAccepted('localhost', names, 443, true)).toBe(true);
    for (const header of [undefined, '', 'evil.example:8050', 'localhost:8051', 'localhost', 'user@localhost:8050', 'localhost:8050/x', '127.1:8050']) {
      expect(hostAccepted(header, names, 8050, false), String(header)).toBe(false);
    }
  });

  it('checks the Origin against the scheme and the Host', () => {
    expect(sameOrigin('http://127.0.0.1:8050', '127.0.0.1:8050', false)).toBe(true);
    expect(sameOrigin('https://127.0.0.1:8050', '127.0.0.1:8050', true)).toBe(true);
    for (const origin of [undefined, 'null', 'http://evil.example', 'http://localhost:8050', 'https://127.0.0.1:8050', 'http://127.0.0.1:8051']) {
      expect(sameOrigin(origin, '127.0.0.1:8050', false), String(origin)).toBe(false);
    }
  });
});

describe('tokens and cookies', () => {
  it('makes distinct tokens and compares them exactly', () => {
    const token = newToken();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(token);
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(token.slice(1), token)).toBe(false);
    expect(sameToken(undefined, token)).toBe(false);
  });

  it('reads its cookie among others and writes it HttpOnly, SameSite=Strict', () => {
    expect(readCookie('a=1; crappy-ui-8050=abc; b=2', 'crappy-ui-8050')).toBe('abc');
    expect(readCookie('crappy-ui-8051=abc', 'crappy-ui-8050')).toBeUndefined();
    expect(readCookie(undefined, 'crappy-ui-8050')).toBeUndefined();
    expect(tokenCookie('c', 't', false)).toBe('c=t; Path=/; HttpOnly; SameSite=Strict');
    expect(tokenCookie('c', 't', true)).toBe('c=t; Path=/; HttpOnly; SameSite=Strict; Secure');
  });
});
