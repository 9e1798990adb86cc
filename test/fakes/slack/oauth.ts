import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOT_SCOPES } from '../../../adapters/slack/surface.js';
import { fail, ok, type Answer, type FakeWebApi, type Grant } from './web-api.js';
import type { FakeWorkspace } from './workspace.js';

/** What the person on Slack's consent page does next: approve for a workspace or an organisation, or cancel. */
export type Consent =
  | { readonly approve: FakeWorkspace; readonly rotation?: boolean }
  | {
      readonly approveOrg: string;
      readonly workspaces: readonly FakeWorkspace[];
      readonly rotation?: boolean;
    }
  | { readonly deny: true };

interface PendingCode {
  readonly consent: Exclude<Consent, { deny: true }>;
  readonly redirectUri: string | undefined;
}

/** Who a grant belongs to: its organisation when installed org-wide, else its workspace. */
const ownerOf = (g: Grant): string | undefined => (g.orgWide ? g.enterpriseId : g.workspaces()[0]?.teamId);

/** Seconds a rotating token lives when installed: under Bolt's two hours, so the first use refreshes it. */
const FIRST_EXPIRY_SECONDS = 600;
/** Slack's own lifetime of a rotated token. */
const ROTATED_EXPIRY_SECONDS = 43_200;

/**
 * Slack's side of "Add to Slack": the consent page at `/oauth/v2/authorize` (which answers at once
 * with what `consentNext` says, as a person would click) and `oauth.v2.access`, which trades a code
 * (once) for a bot token of that workspace or organisation, and, with token rotation, a refresh
 * token for a new pair (each refresh token once: it is spent as the grant arrives, so a second
 * grant of the same token, even while the first is being answered, is refused with
 * invalid_refresh_token, as Slack does). Every token it mints opens its own workspace only (or its
 * organisation's), through the Web API's grants.
 */
export class FakeOAuth {
  readonly clientId = '1111.2222fakeclientid';
  readonly clientSecret = 'fake-client-secret-0f1e2d3c4b5a6978';
  /** Every authorize request the consent page saw, with its query. */
  readonly authorizeRequests: URLSearchParams[] = [];
  /** Every access and refresh token handed out, for leak checks. */
  readonly minted: string[] = [];
  /** Refresh grants answered with a new pair, and refused (a refresh token spent or unknown). */
  readonly refreshes = { granted: 0, refused: 0 };
  /** How long a refresh grant takes to answer (its token is spent at once): a race's window. */
  refreshLatencyMs = 0;
  readonly #codes = new Map<string, PendingCode>();
  readonly #refresh = new Map<string, { grant: Grant; rotation: true }>();
  #next: Consent | undefined;
  #seq = 0;

  constructor(private readonly web: FakeWebApi) {
    web.oauthAccess = (args) => this.#access(args);
  }

  /** What the next visit to the consent page does. */
  consentNext(consent: Consent): void {
    this.#next = consent;
  }

  /** The token a workspace (or an organisation) holds now, from its latest install or refresh. */
  tokenOf(teamOrEnterprise: string): string | undefined {
    return [...this.web.grants].findLast(
      ([, g]) =>
        ownerOf(g) === teamOrEnterprise && (g.expiresAt === undefined || g.expiresAt > Date.now() / 1000),
    )?.[0];
  }

  /** `GET /oauth/v2/authorize`: Slack's consent page, answered with a redirect to the app. */
  handleAuthorize(req: IncomingMessage, res: ServerResponse, origin: string): boolean {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/oauth/v2/authorize' || req.method !== 'GET') return false;
    this.authorizeRequests.push(url.searchParams);
    const q = url.searchParams;
    const redirect = q.get('redirect_uri');
    const consent = this.#next;
    this.#next = undefined;
    if (q.get('client_id') !== this.clientId || !redirect || !consent) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_client_id or no consent planned');
      return true;
    }
    const back = new URL(redirect);
    if ('deny' in consent) back.searchParams.set('error', 'access_denied');
    else {
      const code = `code-${++this.#seq}-fake`;
      this.#codes.set(code, { consent, redirectUri: redirect });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { location: back.href }).end();
    return true;
  }

  #access(args: Record<string, unknown>): Answer | Promise<Answer> {
    if (args.client_id !== this.clientId || args.client_secret !== this.clientSecret)
      return fail('invalid_client_id');
    if (args.grant_type === 'refresh_token') return this.#refreshGrant(String(args.refresh_token));
    const pending = this.#codes.get(String(args.code));
    this.#codes.delete(String(args.code));
    if (!pending) return fail('invalid_code');
    if (pending.redirectUri !== undefined && args.redirect_uri !== pending.redirectUri)
      return fail('bad_redirect_uri');
    const { consent } = pending;
    const rotation = consent.rotation === true;
    const grant: Grant =
      'approve' in consent
        ? { workspaces: () => [consent.approve], enterpriseId: consent.approve.enterpriseId }
        : { workspaces: () => consent.workspaces, enterpriseId: consent.approveOrg, orgWide: true };
    const pair = this.#mint(grant, rotation, FIRST_EXPIRY_SECONDS);
    const team = 'approve' in consent ? { id: consent.approve.teamId, name: consent.approve.name } : null;
    return ok({
      app_id: 'A0FAKE',
      authed_user: { id: 'U0ADMIN' },
      scope: BOT_SCOPES.join(','),
      token_type: 'bot',
      access_token: pair.token,
      bot_user_id: 'U0BITMIND',
      team,
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: `Org ${grant.enterpriseId}` } : null,
      is_enterprise_install: grant.orgWide === true,
      ...(pair.refreshToken ? { refresh_token: pair.refreshToken, expires_in: FIRST_EXPIRY_SECONDS } : {}),
    });
  }

  async #refreshGrant(refreshToken: string): Promise<Answer> {
    const held = this.#refresh.get(refreshToken);
    this.#refresh.delete(refreshToken);
    if (!held) {
      this.refreshes.refused += 1;
      return fail('invalid_refresh_token');
    }
    this.refreshes.granted += 1;
    const pair = this.#mint(held.grant, true, ROTATED_EXPIRY_SECONDS);
    if (this.refreshLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshLatencyMs));
    return ok({
      access_token: pair.token,
      refresh_token: pair.refreshToken,
      expires_in: ROTATED_EXPIRY_SECONDS,
      token_type: 'bot',
      scope: BOT_SCOPES.join(','),
    });
  }

  #mint(grant: Grant, rotation: boolean, lifetime: number): { token: string; refreshToken?: string } {
    const n = ++this.#seq;
    const owner = ownerOf(grant);
    const token = `${rotation ? 'xoxe.' : ''}xoxb-${owner}-${n}-fakeinstalledtoken`;
    this.web.grants.set(token, {
      ...grant,
      ...(rotation ? { expiresAt: Math.floor(Date.now() / 1000) + lifetime } : {}),
    });
    this.minted.push(token);
    if (!rotation) return { token };
    const refreshToken = `xoxe-1-${owner}-${n}-fakerefreshtoken`;
    this.minted.push(refreshToken);
    this.#refresh.set(refreshToken, { grant, rotation: true });
    return { token, refreshToken };
  }

  /** The app was uninstalled: every token of the workspace or organisation stops working. */
  revoke(teamOrEnterprise: string): void {
    for (const [token, g] of this.web.grants)
      if (ownerOf(g) === teamOrEnterprise) this.web.grants.delete(token);
  }

  /**
   * Slack's clock passes the expiry of the rotating access tokens the workspace (or organisation)
   * holds: calls with them answer token_expired, and only a refresh (its refresh token is still
   * good) brings a working one.
   */
  expire(teamOrEnterprise: string): void {
    for (const g of this.web.grants.values())
      if (ownerOf(g) === teamOrEnterprise && g.expiresAt !== undefined)
        g.expiresAt = Math.floor(Date.now() / 1000) - 1;
  }
}
