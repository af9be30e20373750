import { KEYS, startWarden, type TestWarden } from '../../testing/warden-harness';

describe('console over HTTP (no browser)', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  it('signs in', async () => {
    const page = await w.http.get('/console');
    const cookie = (page.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await w.http.post('/console/sign-in').set('Cookie', cookie).type('form').send({ _csrf: token, staffId: 'agent-7', apiKey: KEYS.support });
    console.log(res.status, res.headers, res.text.slice(0, 2000));
  });
});
