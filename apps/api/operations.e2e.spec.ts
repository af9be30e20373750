import { tokenFromLink } from '../testing/outbox';
import { authPost, logIn, mailTo, PASSWORD, register, uniqueEmail } from '../testing/flows';
import { startWarden, type TestWarden } from '../testing/warden-harness';
import { until } from '../testing/until';

/**
 * Contract §3.4: health, metrics. One app per describe, so every counter starts at zero
 * and the exact sample lines below are deterministic.
 */
describe('operations endpoints', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  const scrape = async () => {
    const res = await w.http.get('/metrics');
    expect(res.status).toBe(200);
    return res.text;
  };
  const lines = (text: string) => text.split('\n');

  /** Scrapes until every expected sample line is there (the projector and the worker run in the background). */
  const scrapeUntil = async (expected: readonly (string | RegExp)[], timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await scrape();
      const missing = expected.filter((e) => !lines(text).some((l) => (typeof e === 'string' ? l === e : e.test(l))));
      if (missing.length === 0) return text;
      if (Date.now() > deadline) {
        throw new Error(`/metrics still lacks:\n  ${missing.map(String).join('\n  ')}\n--- last scrape (warden_*):\n${lines(text).filter((l) => l.startsWith('warden_')).join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('answers the health checks', async () => {
    expect((await w.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await w.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toEqual({ eventStore: { status: 'up' }, readStore: { status: 'up' }, queue: { status: 'up' } });
  });

  it('serves Prometheus text without an API key, with the Node defaults', async () => {
    const res = await w.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;/);
    expect(res.headers['content-type']).toContain('version=0.0.4');
    expect(res.text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(res.text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(res.text).toContain('# TYPE warden_command_duration_seconds histogram');
    expect(res.text).toContain('# TYPE warden_events_appended_total counter');
    expect(lines(res.text)).toContain('warden_mails_dead_lettered_total 0');
  });

  it('counts commands by type and outcome, events by type, mails by template; reports queue depth and projection lag', async () => {
    const email = uniqueEmail('metrics');
    const registered = await register(w, email);
    expect(registered.status).toBe(201);

    // Refused by the LogIn decider (correct password, email not verified): nothing appended.
    expect((await logIn(w, email)).body.error).toBe('email_not_verified');

    const mail = await mailTo(w, email, 'Confirm your email address');
    const token = tokenFromLink(mail.text, 'verify-email');
    expect((await authPost(w, '/v1/email-verifications/confirm', { token })).status).toBe(200);
    // Single use: the second confirmation is refused by the ConfirmEmail decider.
    expect((await authPost(w, '/v1/email-verifications/confirm', { token })).body.error).toBe('invalid_token');

    expect((await logIn(w, email)).status).toBe(200);
    // A wrong password is decided (LoginFailed appended) before the handler answers 401: outcome ok.
    expect((await logIn(w, email, `${PASSWORD}x`)).status).toBe(401);

    const text = await scrapeUntil([
      'warden_command_duration_seconds_count{command="RegisterAccount",outcome="ok"} 1',
      'warden_command_duration_seconds_count{command="LogIn",outcome="refused"} 1',
      'warden_command_duration_seconds_count{command="ConfirmEmail",outcome="ok"} 1',
      'warden_command_duration_seconds_count{command="ConfirmEmail",outcome="refused"} 1',
      'warden_command_duration_seconds_count{command="LogIn",outcome="ok"} 2',
      'warden_events_appended_total{type="AccountRegistered"} 1',
      'warden_events_appended_total{type="EmailVerificationRequested"} 1',
      'warden_events_appended_total{type="EmailVerified"} 1',
      'warden_events_appended_total{type="LoginSucceeded"} 1',
      'warden_events_appended_total{type="SessionStarted"} 1',
      'warden_events_appended_total{type="LoginFailed"} 1',
      'warden_mails_sent_total{template="verify-email"} 1',
      // Every projection of both runners, caught up.
      'warden_projection_lag_events{projection="accounts"} 0',
      'warden_projection_lag_events{projection="sessions"} 0',
      'warden_projection_lag_events{projection="audit"} 0',
      'warden_projection_lag_events{projection="mail-reactor"} 0',
      'warden_projection_lag_seconds{projection="accounts"} 0',
      'warden_queue_jobs{queue="mail",state="waiting"} 0',
      'warden_queue_jobs{queue="mail",state="active"} 0',
      'warden_queue_jobs{queue="mail",state="delayed"} 0',
      'warden_queue_jobs{queue="mail",state="failed"} 0',
    ]);
    // The histogram has its buckets, ending with +Inf equal to the count.
    expect(lines(text)).toContain('warden_command_duration_seconds_bucket{le="+Inf",command="RegisterAccount",outcome="ok"} 1');
    expect(text).toMatch(/^warden_command_duration_seconds_sum\{command="RegisterAccount",outcome="ok"\} \d/m);
    // Nothing failed, and commands that never ran have no series.
    expect(text).not.toMatch(/^warden_mails_failed_total\{/m);
    expect(text).not.toMatch(/outcome="error"/);
    expect(text).not.toMatch(/command="unknown"/);
  });

  it('shows projection lag while the projector is behind', async () => {
    const behind = await startWarden({ roles: ['api'] });
    try {
      expect((await register(behind, uniqueEmail('lag'))).status).toBe(201);
      const text = await behind.http.get('/metrics').then((r) => r.text);
      // No projector in this process: every projection is behind by the registration's events.
      const lag = /^warden_projection_lag_events\{projection="accounts"\} (\d+)$/m.exec(text);
      expect(Number(lag?.[1])).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/^warden_projection_lag_seconds\{projection="accounts"\} \d/m);
      // Same registration in a fresh app: its own registry, so counts start again at one.
      expect(lines(text)).toContain('warden_command_duration_seconds_count{command="RegisterAccount",outcome="ok"} 1');
    } finally {
      await behind.close();
    }
  });

  it('counts failed mail tries and dead letters when the mail server is down', async () => {
    // Nothing listens on port 1: every try fails at once.
    const down = await startWarden({ env: { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_ATTEMPTS: '2', MAIL_BACKOFF_MS: '10' } });
    try {
      expect((await register(down, uniqueEmail('smtp-down'))).status).toBe(201);
      const text = await until(
        'the dead letter on /metrics',
        async () => {
          const scraped = (await down.http.get('/metrics')).text;
          return lines(scraped).includes('warden_mails_dead_lettered_total 1') ? scraped : undefined;
        },
        10_000,
      );
      expect(lines(text)).toContain('warden_mails_dead_lettered_total 1');
      expect(lines(text)).toContain('warden_mails_failed_total{template="verify-email"} 2');
      expect(lines(text)).toContain('warden_queue_jobs{queue="mail",state="failed"} 1');
      expect(text).not.toMatch(/^warden_mails_sent_total\{/m);
    } finally {
      await down.close();
    }
  });
});
