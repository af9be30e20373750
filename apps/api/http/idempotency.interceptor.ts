import { overrideStatus } from './response-status';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { Stream } from 'node:stream';
import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  Optional,
  StreamableFile,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, finalize, from, mergeMap, Observable, of, throwError } from 'rxjs';
import type { Clock } from '@warden/shared/clock';
import { systemClock } from '@warden/shared/clock';
import { DomainError } from '@warden/shared/errors';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import {
  IdempotencyRecord,
  IdempotencyStore,
  idempotencyKeyOf,
  requestFingerprint,
  StoredResponse,
} from './idempotency.store';
import { requestContextOf } from './request-context';
import { CLOCK, READ_STORE } from './tokens';
import { validationFailed } from './validation-failed';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_KEY_LENGTH = 200;
const CONTROL = /[\u0000-\u001f\u007f]/;
export const EVENT_POSITION_HEADER = 'X-Event-Position';

/**
 * `Idempotency-Key` on commands (contract §2): the first 2xx response of a caller's
 * key is stored and replayed for 24 h without running the handler again; the same
 * key with another request is `422 idempotency_key_reused`; a duplicate arriving while
 * the first still runs is `409 idempotency_request_in_progress`.
 *
 * Register it globally (APP_INTERCEPTOR) after ApiKeyGuard has authenticated the
 * caller. X-Event-Position must be set by the handler, or by an interceptor that runs
 * inside this one, to be part of the stored response.
 */
const PURGE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly records: IdempotencyStore;
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  /** Keys being served by this process: a fast answer before the store is even read. */
  private readonly inFlight = new Set<string>();
  /** Records past their 24 h are purged from the request path, at most once an hour per process. */
  private nextPurgeAt = 0;

  private readonly fingerprintKey: Buffer;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    keys: ServiceKeys,
    @Optional() @Inject(CLOCK) clock?: Clock,
    @Optional() keyring?: DataKeyring,
  ) {
    this.records = new IdempotencyStore(store, clock ?? systemClock, keys.idempotencyKey, keyring);
    this.fingerprintKey = keys.idempotencyKey;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    // Public routes have no caller to scope a key to, and are no commands anyway.
    const caller = requestContextOf(request)?.caller;
    if (!COMMAND_METHODS.has(request.method) || header === undefined || !caller) return next.handle();

    const key = idempotencyKeyOf(caller, validKey(header));
    this.purgeExpiredNowAndThen();
    if (this.inFlight.has(key)) throw inProgress();
    this.inFlight.add(key);
    let handedOver = false;
    try {
      const reservation = await this.records.reserve(key, requestFingerprint(request.method, request.originalUrl, request.body, this.fingerprintKey));
      switch (reservation.outcome) {
        case 'mismatch':
          throw new DomainError('idempotency_key_reused', 422, 'This Idempotency-Key was already used with a different request.');
        case 'in_progress':
          throw inProgress();
        case 'replay': {
          const { status, body, headers } = reservation.response;
          overrideStatus(response, status);
          for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(body ?? undefined);
        }
        case 'reserved':
          handedOver = true;
          return this.run(next, reservation.record, request, response, () => this.inFlight.delete(key));
        default: {
          const unreachable: never = reservation;
          return unreachable;
        }
      }
    } finally {
      if (!handedOver) this.inFlight.delete(key);
    }
  }

  private purgeExpiredNowAndThen(): void {
    if (Date.now() < this.nextPurgeAt) return;
    this.nextPurgeAt = Date.now() + PURGE_EVERY_MS;
    // In the background: the request never waits for housekeeping, nor fails because of it.
    this.records.purgeExpired().catch((error: unknown) => this.logger.warn(`Could not purge idempotency records: ${String(error)}`));
  }

  private run(next: CallHandler, record: IdempotencyRecord, request: Request, response: Response, done: () => void): Observable<unknown> {
    let settled = false;
    const settle = async (store: boolean, value: unknown): Promise<void> => {
      settled = true;
      try {
        if (store) await this.records.complete(record, captured(response, value), accountOf(request, value));
        else await this.records.release(record);
      } catch (error) {
        // The client still gets its answer; a retry may run the command again.
        this.logger.warn(`Could not ${store ? 'store' : 'release'} an idempotency record: ${String(error)}`);
        if (store) await this.records.release(record).catch(() => undefined);
      }
    };
    return next.handle().pipe(
      // Stored before the response leaves, so an immediate retry finds it.
      mergeMap(async (value: unknown) => {
        await settle(isSuccess(response.statusCode) && isReplayable(value), value);
        return value;
      }),
      catchError((error: unknown) => from(settle(false, undefined)).pipe(mergeMap(() => throwError(() => error)))),
      finalize(() => {
        // Torn down before an answer (e.g. the client went away): free the key.
        if (!settled) void this.records.release(record).catch(() => undefined);
        done();
      }),
    );
  }
}

/**
 * The account a response is about: the `:id` of an `/accounts/{id}/…` route, or the
 * `accountId` the answer names (registration, login, confirmations, decisions).
 */
function accountOf(request: Request, value: unknown): string | undefined {
  const fromPath: unknown = (request.params as Record<string, unknown> | undefined)?.id;
  if (typeof fromPath === 'string' && request.path.startsWith('/v1/accounts/')) return fromPath;
  const fromBody = value && typeof value === 'object' && 'accountId' in value ? value.accountId : undefined;
  return typeof fromBody === 'string' ? fromBody : undefined;
}

function validKey(header: string | string[]): string {
  if (typeof header !== 'string' || header === '' || header.length > MAX_KEY_LENGTH || CONTROL.test(header)) {
    throw validationFailed(
      [{ field: 'Idempotency-Key', message: `must be 1-${MAX_KEY_LENGTH} printable characters` }],
      'Idempotency-Key is invalid.',
    );
  }
  return header;
}

function inProgress(): DomainError {
  return new DomainError(
    'idempotency_request_in_progress',
    409,
    'A request with this Idempotency-Key is still being processed; retry shortly.',
  );
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Plain JSON answers only; a stream or file cannot be stored and replayed. */
function isReplayable(value: unknown): boolean {
  if (value === undefined || value === null || typeof value !== 'object') return true;
  return !(value instanceof StreamableFile || value instanceof Stream || ArrayBuffer.isView(value) || Symbol.asyncIterator in value);
}

function captured(response: Response, value: unknown): StoredResponse {
  const position = response.getHeader(EVENT_POSITION_HEADER);
  const headers: Record<string, string> = {};
  if (typeof position === 'string' || typeof position === 'number') headers[EVENT_POSITION_HEADER] = String(position);
  return {
    status: response.statusCode,
    // Through JSON, as the client saw it (class instances become plain data).
    body: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown),
    headers,
  };
}
