import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Body, Controller, Get, HttpCode, Module, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIP, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import request from 'supertest';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { DomainError } from '@warden/shared/errors';
import { ApiKeyRegistry } from './api-key-registry';
import { parseApiKeys } from './api-keys';
import { configureHttp } from './body-limits';
import type { ErrorReporter } from './error.filter';
import { httpProviders } from './http.providers';
import type { RequestContext } from './request-context';
import { Ctx } from './request-context.decorator';
import { RequireScope } from './require-scope.decorator';
import { setupOpenApi } from './swagger';
import { READ_STORE } from './tokens';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';

// A throwaway app: one controller exercising every convention of contract §2.

class ClientContextDto {
  @IsIP() ip!: string;
  @IsString() @Length(1, 500) userAgent!: string;
  @IsOptional() @IsString() deviceId?: string;
}

class RegisterDto {
  @IsEmail() email!: string;
  @IsOptional() @IsString() note?: string;
  // @ValidateNested alone lets an absent object through: @IsDefined makes it required.
  @IsDefined() @ValidateNested() @Type(() => ClientContextDto) context!: ClientContextDto;
}

/** A command without fields, like POST …/ownership-verification. */
class EmptyDto {}

class ReasonDto {
  @IsString() @Length(1, 500) reason!: string;
}

const calls = { register: 0, slow: 0 };
let enterSlow: () => void = () => undefined;
let releaseSlow: () => void = () => undefined;

@Controller('test')
class ConventionsController {
  @Post('accounts')
  @RequireScope('auth')
  @HttpCode(201)
  register(@Body() dto: RegisterDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    calls.register += 1;
    res.setHeader('X-Event-Position', String(41 + calls.register));
    return { run: calls.register, email: dto.email, ctx };
  }

  @Post('slow')
  @RequireScope('auth')
  async slow(@Body() dto: ReasonDto) {
    calls.slow += 1;
    enterSlow();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return { reason: dto.reason };
  }

  @Post('ping')
  @RequireScope('auth')
  @HttpCode(202)
  ping(@Body() _dto: EmptyDto) {
    return { ok: true };
  }

  @Post('lock')
  @RequireScope('support')
  lock(@Body() dto: ReasonDto, @Ctx() ctx: RequestContext) {
    return { reason: dto.reason, ctx };
  }

  @Get('sessions')
  @RequireScope('auth', 'support')
  sessions(@Ctx() ctx: RequestContext) {
    return ctx;
  }

  @Get('boom')
  @RequireScope('auth')
  boom(): never {
    throw new Error('connection to postgres://warden:hunter2@db failed');
  }

  @Get('refusal')
  @RequireScope('auth')
  refusal(): never {
    throw new DomainError('invalid_state', 409, 'The account is not suspended.', { status: 'active' });
  }

  @Get('throttled')
  @RequireScope('auth')
  throttled(): never {
    throw new DomainError('too_many_attempts', 429, 'Too many attempts.', { retryAfterSeconds: 29.2 });
  }

  @Get('public')
  publicRoute() {
    return { ok: true };
  }
}

const KEYS = 'frontend:auth:frontend-secret-1,other:auth:other-secret-22,desk:support:desk-secret-333,both:auth+support:both-secret-4444';
const FRONTEND = 'Bearer frontend-secret-1';
const DESK = 'Bearer desk-secret-333';
const validBody = { email: 'ada@example.com', context: { ip: '203.0.113.9', userAgent: 'jest' } };

describe('HTTP conventions (contract §2)', () => {
  let app: NestExpressApplication;
  let server: Server;
  let dataDir: string;
  let readStore: SqliteReadStore;
  const reported: { error: unknown; request: { method: string; path: string; correlationId?: string } }[] = [];
  const reporter: ErrorReporter = { unexpected: (error, req) => reported.push({ error, request: req }) };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-http-'));
    readStore = new SqliteReadStore(path.join(dataDir, 'read.sqlite'));

    @Module({
      controllers: [ConventionsController],
      providers: [...httpProviders(new ApiKeyRegistry(parseApiKeys(KEYS))), { provide: READ_STORE, useValue: readStore }, { provide: ServiceKeys, useValue: new ServiceKeys(randomBytes(32)) }],
    })
    class TestModule {}

    app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
    configureHttp(app, { errorReporter: reporter });
    setupOpenApi(app);
    await app.listen(0, '127.0.0.1');
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app?.close();
    await readStore?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('authentication', () => {
    it('is 401 unauthenticated without a key, with a wrong one, or with another scheme', async () => {
      for (const authorization of [undefined, 'Bearer wrong-secret', 'Basic ZnJvbnRlbmQ=', 'Bearer']) {
        const req = request(server).post('/test/accounts').send(validBody);
        const res = await (authorization ? req.set('Authorization', authorization) : req);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'unauthenticated', message: expect.any(String) });
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      expect(calls.register).toBe(0);
    });

    it('is 403 forbidden for a key without the route scope', async () => {
      const res = await request(server).post('/test/accounts').set('Authorization', DESK).send(validBody);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'forbidden' });
    });

    it('acts for the calling service on auth routes', async () => {
      const res = await request(server).get('/test/sessions').set('Authorization', FRONTEND);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ caller: 'frontend', scope: 'auth', actor: { type: 'service', id: 'frontend' } });
    });

    it('leaves routes without @RequireScope public', async () => {
      const res = await request(server).get('/test/public');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
    });
  });

  describe('X-Actor', () => {
    it('is required on support routes: 400 validation_failed naming the header', async () => {
      for (const actor of [undefined, '   ', 'x'.repeat(201)]) {
        const req = request(server).post('/test/lock').set('Authorization', DESK).send({ reason: 'fraud' });
        const res = await (actor === undefined ? req : req.set('X-Actor', actor));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: 'validation_failed', details: [{ field: 'X-Actor', message: expect.any(String) }] });
      }
    });

    it('names the staff member as the actor', async () => {
      const res = await request(server).post('/test/lock').set('Authorization', DESK).set('X-Actor', ' agent-7 ').send({ reason: 'fraud' });
      expect(res.status).toBe(201);
      expect(res.body.ctx).toMatchObject({ caller: 'desk', scope: 'support', actor: { type: 'support', id: 'agent-7' } });
    });

    it('decides the role of a key holding auth and support on a route open to both', async () => {
      const asService = await request(server).get('/test/sessions').set('Authorization', 'Bearer both-secret-4444');
      expect(asService.body).toMatchObject({ scope: 'auth', actor: { type: 'service', id: 'both' } });
      const asStaff = await request(server).get('/test/sessions').set('Authorization', 'Bearer both-secret-4444').set('X-Actor', 'agent-9');
      expect(asStaff.body).toMatchObject({ scope: 'support', actor: { type: 'support', id: 'agent-9' } });
    });
  });

  describe('input', () => {
    const post = (body: unknown) =>
      request(server).post('/test/accounts').set('Authorization', FRONTEND).set('Content-Type', 'application/json').send(JSON.stringify(body));

    it('is 400 validation_failed with one detail per field, nested paths joined with dots', async () => {
      const res = await post({ email: 'not-an-email', context: { ip: 'nope', userAgent: 'jest' } });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'email', message: expect.stringContaining('email') },
          { field: 'context.ip', message: expect.stringContaining('ip') },
        ]),
      );
      expect(res.body.details).toHaveLength(2);
    });

    it('reports missing required objects and fields', async () => {
      const res = await post({});
      expect(res.status).toBe(400);
      expect(res.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['context', 'email']);
    });

    it('refuses unknown fields, also nested ones', async () => {
      const res = await post({ ...validBody, admin: true, context: { ...validBody.context, extra: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'admin', message: 'unknown field' },
          { field: 'context.extra', message: 'unknown field' },
        ]),
      );
    });

    it('refuses a JSON body that is not an object', async () => {
      const res = await post([validBody]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'validation_failed', details: [{ field: 'body', message: 'must be a JSON object' }] });
    });

    it('is 400 validation_failed for malformed JSON', async () => {
      const res = await request(server).post('/test/accounts').set('Authorization', FRONTEND).set('Content-Type', 'application/json').send('{"email": ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'validation_failed', message: expect.any(String), details: [{ field: 'body', message: 'malformed JSON' }] });
    });

    it('is 413 payload_too_large over 64 KiB, and accepts a body just under it', async () => {
      const big = await post({ ...validBody, note: 'x'.repeat(64 * 1024) });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ error: 'payload_too_large' });
      expect(big.headers['x-correlation-id']).toBeDefined();
      const fits = await post({ ...validBody, note: 'x'.repeat(60 * 1024) });
      expect(fits.status).toBe(201);
    });

    it('takes a missing body for {} and still refuses fields a command does not have', async () => {
      const ping = () => request(server).post('/test/ping').set('Authorization', FRONTEND);
      await ping().expect(202);
      await ping().set('Content-Length', '0').expect(202);
      await ping().send({}).expect(202);
      const res = await ping().send({ x: 1 });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'x', message: 'unknown field' }]);
    });

    it('is 415 for a body that is not JSON, on the JSON API (/v1; pages elsewhere take forms)', async () => {
      const res = await request(server).post('/v1/accounts').set('Authorization', FRONTEND).type('form').send('email=ada@example.com');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ error: 'unsupported_media_type' });
    });
  });

  describe('X-Correlation-Id', () => {
    it('echoes a well-formed id and hands it to the handler', async () => {
      const res = await request(server).get('/test/sessions').set('Authorization', FRONTEND).set('X-Correlation-Id', 'req-42:abc.DEF_x');
      expect(res.headers['x-correlation-id']).toBe('req-42:abc.DEF_x');
      expect(res.body.correlationId).toBe('req-42:abc.DEF_x');
    });

    it('generates a UUID when absent or malformed, also on errors', async () => {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const absent = await request(server).get('/test/public');
      expect(absent.headers['x-correlation-id']).toMatch(uuid);
      const malformed = await request(server).get('/test/sessions').set('X-Correlation-Id', 'bad id<script>');
      expect(malformed.status).toBe(401);
      expect(malformed.headers['x-correlation-id']).toMatch(uuid);
    });
  });

  describe('Idempotency-Key', () => {
    const command = (key: string, body: unknown, authorization = FRONTEND) =>
      request(server).post('/test/accounts').set('Authorization', authorization).set('Idempotency-Key', key).send(body as object);

    it('replays the first response and its X-Event-Position without running the command again', async () => {
      const before = calls.register;
      const first = await command('replay-1', validBody);
      expect(first.status).toBe(201);
      const again = await command('replay-1', { context: validBody.context, email: validBody.email }); // same JSON, other key order
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['x-event-position']).toBe(first.headers['x-event-position']);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(calls.register).toBe(before + 1);
    });

    it('is 422 idempotency_key_reused for the same key with another body', async () => {
      await command('reused-1', validBody).expect(201);
      const res = await command('reused-1', { ...validBody, email: 'grace@example.com' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: 'idempotency_key_reused' });
    });

    it('scopes keys to the caller', async () => {
      const before = calls.register;
      await command('shared-1', validBody).expect(201);
      await command('shared-1', validBody, 'Bearer other-secret-22').expect(201);
      expect(calls.register).toBe(before + 2);
    });

    it('stores no failure: a retry after a 400 runs the command', async () => {
      await command('after-400', { email: 'nope' }).expect(400);
      await command('after-400', validBody).expect(201);
    });

    it('refuses an over-long key', async () => {
      const res = await command('k'.repeat(201), validBody);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    });

    it('answers 409 idempotency_request_in_progress to a duplicate while the first runs', async () => {
      const entered = new Promise<void>((resolve) => (enterSlow = resolve));
      const slow = () => request(server).post('/test/slow').set('Authorization', FRONTEND).set('Idempotency-Key', 'slow-1').send({ reason: 'r' });
      const first = slow().then((res) => res);
      await entered;
      const duplicate = await slow();
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ error: 'idempotency_request_in_progress' });
      releaseSlow();
      expect((await first).status).toBe(201);
      expect(calls.slow).toBe(1);
      const replay = await slow();
      expect(replay.body).toEqual({ reason: 'r' });
      expect(calls.slow).toBe(1);
    });
  });

  describe('errors', () => {
    it('renders a DomainError with its status, code and details', async () => {
      const res = await request(server).get('/test/refusal').set('Authorization', FRONTEND);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: 'invalid_state', message: 'The account is not suspended.', details: { status: 'active' } });
    });

    it('sets Retry-After on a throttled answer', async () => {
      const res = await request(server).get('/test/throttled').set('Authorization', FRONTEND);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('30');
    });

    it('is 404 not_found for an unknown route', async () => {
      const res = await request(server).get('/nowhere');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'not_found' });
    });

    it('is 500 internal_error without the original message, which goes to the reporter', async () => {
      const res = await request(server).get('/test/boom?email=ada@example.com').set('Authorization', FRONTEND).set('X-Correlation-Id', 'boom-1');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'internal_error', message: 'An unexpected error occurred.' });
      expect(res.text).not.toContain('hunter2');
      const last = reported[reported.length - 1];
      expect(last.request).toEqual({ method: 'GET', path: '/test/boom', correlationId: 'boom-1' });
      expect(String(last.error)).toContain('hunter2');
    });

    it('does not announce Express', async () => {
      const res = await request(server).get('/test/public');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('OpenAPI', () => {
    it('serves the document with one bearer scheme per scope at /docs-json and the UI at /docs', async () => {
      const json = await request(server).get('/docs-json');
      expect(json.status).toBe(200);
      for (const scope of ['auth', 'support', 'compliance']) {
        expect(json.body.components.securitySchemes[scope]).toMatchObject({ type: 'http', scheme: 'bearer' });
      }
      expect(json.body.paths['/test/accounts'].post.security).toEqual([{ auth: [] }]);
      expect(json.body.paths['/test/sessions'].get.security).toEqual([{ auth: [] }, { support: [] }]);
      expect(Object.keys(json.body.paths['/test/accounts'].post.responses)).toEqual(expect.arrayContaining(['401', '403']));
      expect(json.body.paths['/test/lock'].post.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'X-Actor', in: 'header', required: true })]),
      );
      const ui = await request(server).get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger');
    });
  });
});
