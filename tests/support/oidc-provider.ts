/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port for the single sign-on
 * tests: one confidential client, PKCE required, its own login and consent pages (the package's
 * development interactions: any password), and accounts whose claims carry a role and school codes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestClaims = Record<string, unknown>;

export interface TestProvider { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> }

export const TEST_SCOPE = 'openid profile chanjiao';

export async function startTestProvider(redirectUrl: string, accounts: Record<string, TestClaims>): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'chanjiao-test';
  const clientSecret = 'a-test-secret-long-enough-for-hs256-signing';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], chanjiao: ['chanjiao_role', 'school_codes'] },
    scopes: ['openid', 'profile', 'chanjiao'],
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  handler = provider.callback();
  return {
    issuer, clientId, clientSecret,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A port nobody listens on now, for a server whose URL the provider must know before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
