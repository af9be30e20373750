import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ConsoleConfig, ConsoleProxyConfig, ConsoleScope } from '@warden/infrastructure/config/console-config';
import { correlationIdOf } from '../../api/http/request-context';
import { appendSetCookie, readCookie, serializeCookie } from '../shared/cookies';
import { CsrfTokens } from '../shared/csrf';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { isSecureSite } from '../shared/web-keys';
import { ConsoleApis, type ConsoleApi } from './console-api';
import { ConsoleSessions, type ConsoleSession, type Flash } from './console-sessions';
import { scopesOf, validStaffId, type Staff } from './staff';
import { StaffKeys } from './staff-keys';

const OUTCOME_PARAM = 'outcome';

/** What a console page handler works with once the staff member is known. */
export class StaffRequest {
  constructor(
    readonly session: ConsoleSession,
    /** The CSRF token for this response's forms. */
    readonly csrf: string,
    private readonly request: Request,
    private readonly apis: ConsoleApis,
    private readonly sessions: ConsoleSessions,
    /** Signed in by an authenticating proxy, which owns signing out. */
    readonly proxied: boolean,
  ) {}

  get staff(): Staff {
    return this.session;
  }

  has(scope: ConsoleScope): boolean {
    return this.session.keyNames[scope] !== undefined;
  }

  /** The API as this staff member in this scope; null if the key is gone. */
  api(scope: ConsoleScope): ConsoleApi | null {
    return this.apis.for(this.request, this.session, scope, correlationIdOf(this.request));
  }

  /**
   * Keeps an action's outcome for `page` and returns where to redirect: that page, naming
   * the outcome (`?outcome=`), so it shows there once and in no other tab.
   */
  async flash(flash: Flash, page: string): Promise<string> {
    const id = await this.sessions.keepFlash(this.session, flash);
    return `${page}${page.includes('?') ? '&' : '?'}${OUTCOME_PARAM}=${id}`;
  }

  /** The outcome this page was redirected with, shown once; its position makes the page read that write. */
  takeFlash(): Promise<Flash | null> {
    const id = this.request.query[OUTCOME_PARAM];
    return this.sessions.takeFlash(this.session, typeof id === 'string' ? id : undefined);
  }
}

type SignInConfig = Exclude<ConsoleConfig, { signIn: 'off' }>;

export type SignInOutcome = 'signed_in' | 'bad_staff_id' | 'bad_key';

/**
 * Who is at the console. With CONSOLE_SIGN_IN=api-key: the server-side session named by
 * the cookie. With `proxy`: the identity header the authenticating proxy sets, its groups
 * mapped to scopes; a session is still kept (for the outcome shown after an action) and is
 * replaced whenever the proxy names someone else or grants other scopes.
 */
@Injectable()
export class StaffAccess {
  readonly cookieName: string;
  private readonly secure: boolean;
  private readonly config: SignInConfig;

  constructor(
    @Inject(WARDEN_CONFIG) wardenConfig: WardenConfig,
    private readonly sessions: ConsoleSessions,
    private readonly keys: StaffKeys,
    private readonly apis: ConsoleApis,
    private readonly csrf: CsrfTokens,
  ) {
    if (wardenConfig.console.signIn === 'off') throw new Error('the console is off (CONSOLE_SIGN_IN=off)');
    this.config = wardenConfig.console;
    this.secure = isSecureSite(wardenConfig);
    // __Host-: only this host, over https, path /, no Domain (the browser enforces it).
    this.cookieName = this.secure ? '__Host-warden_console' : 'warden_console';
  }

  get mode(): 'api-key' | 'proxy' {
    return this.config.signIn;
  }

  /** The staff request, or null when nobody is signed in (or the proxy names nobody it maps). */
  async current(request: Request, response: Response): Promise<StaffRequest | null> {
    const session = this.config.signIn === 'proxy' ? await this.fromProxy(this.config.proxy, request, response) : await this.sessions.find(this.token(request));
    return session ? new StaffRequest(session, this.csrf.issue(request, response), request, this.apis, this.sessions, this.config.signIn === 'proxy') : null;
  }

  async signIn(staffIdInput: string, secret: string, response: Response): Promise<SignInOutcome> {
    const staffId = validStaffId(staffIdInput);
    // The key is checked even for a bad staff id, so both refusals take the same time.
    const key = this.keys.authenticate(secret);
    if (!staffId) return 'bad_staff_id';
    if (!key) return 'bad_key';
    const keyNames = Object.fromEntries(key.scopes.map((scope) => [scope, key.keyName]));
    await this.startSession({ staffId, keyNames }, response);
    return 'signed_in';
  }

  async signOut(request: Request, response: Response): Promise<void> {
    await this.sessions.end(this.token(request));
    appendSetCookie(response, serializeCookie(this.cookieName, '', { secure: this.secure, maxAge: 0 }));
  }

  private async fromProxy(proxy: ConsoleProxyConfig, request: Request, response: Response): Promise<ConsoleSession | null> {
    const staff = this.proxyStaff(proxy, request);
    if (!staff) return null;
    const existing = await this.sessions.find(this.token(request));
    if (existing && existing.staffId === staff.staffId && sameKeys(existing, staff)) return existing;
    const token = await this.startSession(staff, response);
    return this.sessions.find(token);
  }

  private proxyStaff(proxy: ConsoleProxyConfig, request: Request): Staff | null {
    const staffId = validStaffId(headerOf(request, proxy.identityHeader));
    if (!staffId) return null;
    // Comma (oauth2-proxy) or pipe (authentik) separated.
    const groups = headerOf(request, proxy.groupsHeader).split(/[,|]/).map((g) => g.trim()).filter((g) => g !== '');
    const keyNames: Partial<Record<ConsoleScope, string>> = {};
    for (const scope of new Set(groups.flatMap((group) => proxy.scopes.get(group) ?? []))) {
      const keyName = this.keys.keyFor(scope, proxy.apiKeyNames.get(scope));
      if (keyName) keyNames[scope] = keyName;
    }
    const staff = { staffId, keyNames };
    return scopesOf(staff).length > 0 ? staff : null;
  }

  private async startSession(staff: Staff, response: Response): Promise<string> {
    const token = await this.sessions.start(staff);
    appendSetCookie(response, serializeCookie(this.cookieName, token, { secure: this.secure }));
    return token;
  }

  private token(request: Request): string | undefined {
    return readCookie(request, this.cookieName);
  }
}

function headerOf(request: Request, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

function sameKeys(a: Staff, b: Staff): boolean {
  return a.keyNames.support === b.keyNames.support && a.keyNames.compliance === b.keyNames.compliance;
}
