/** Single sign-on through OpenID Connect (configured in oidc-login.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GateContext } from './gate.ts';

export interface OidcLogin {
  start(req: IncomingMessage, res: ServerResponse): Promise<void>;
  callback(ctx: GateContext, req: IncomingMessage, res: ServerResponse): Promise<void>;
}
