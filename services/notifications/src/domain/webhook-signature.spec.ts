import { createHmac, randomBytes } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test-secret';
const timestamp = 1_773_144_000; // 2026-03-10T12:00:00Z
const body = '{"type":"itsm.tickets.v1.ticket.created","data":{"number":"INC-000123"}}';
const now = new Date(timestamp * 1000);

describe('signing a webhook delivery', () => {
  it('is HMAC-SHA256 of the timestamp and body, in hex', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it('matches a vector computed elsewhere (Python hmac)', () => {
    expect(signWebhook(secret, timestamp, body)).toBe(
      'sha256=b12854c886ed0456c49e7e91e106525cf20be988d6b864e2e06af37f7457c13a',
    );
  });

  it('differs for another body, timestamp or secret', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(signWebhook(secret, timestamp, `${body} `)).not.toBe(signature);
    expect(signWebhook(secret, timestamp + 1, body)).not.toBe(signature);
    expect(signWebhook(`${secret}x`, timestamp, body)).not.toBe(signature);
  });

  it('reads the body as UTF-8', () => {
    const cyrillic = '{"title":"Не печатает принтер"}';
    const expected = createHmac('sha256', secret)
      .update(Buffer.from(`${timestamp}.${cyrillic}`, 'utf8'))
      .digest('hex');
    expect(signWebhook(secret, timestamp, cyrillic)).toBe(`sha256=${expected}`);
  });
});

describe('verifying a webhook signature', () => {
  const valid = signWebhook(secret, timestamp, body);
  const other = signWebhook('another-secret', timestamp, body);

  it.each<
    [
      string,
      Partial<{ header: string; body: string; timestamp: number; now: Date; secret: string }>,
      boolean,
    ]
  >([
    ['a valid signature', {}, true],
    ['upper-case hex', { header: valid.toUpperCase() }, true],
    ['one of two signatures during a secret rotation', { header: `${other}, ${valid}` }, true],
    ['one of two space-separated signatures', { header: `${valid} ${other}` }, true],
    ['a signature by another secret', { header: other }, false],
    ['another secret', { secret: 'wrong' }, false],
    ['a changed body', { body: `${body} ` }, false],
    [
      'a changed timestamp',
      { timestamp: timestamp + 1, now: new Date((timestamp + 1) * 1000) },
      false,
    ],
    ['a bare hex digest', { header: valid.slice('sha256='.length) }, false],
    ['a truncated signature', { header: valid.slice(0, -2) }, false],
    ['another scheme', { header: valid.replace('sha256=', 'sha1=') }, false],
    ['an empty header', { header: '' }, false],
    ['a stamp 300 s old', { now: new Date((timestamp + 300) * 1000) }, true],
    ['a stamp 301 s old', { now: new Date((timestamp + 301) * 1000) }, false],
    ['a stamp 300 s ahead', { now: new Date((timestamp - 300) * 1000) }, true],
    ['a stamp 301 s ahead', { now: new Date((timestamp - 301) * 1000) }, false],
    ['a fractional timestamp', { timestamp: timestamp + 0.5 }, false],
  ])('%s is %s', (_label, overrides, expected) => {
    const input = { header: valid, body, timestamp, now, secret, ...overrides };
    expect(
      verifyWebhookSignature(input.secret, input.timestamp, input.body, input.header, input.now),
    ).toBe(expected);
  });

  it('takes a tolerance of its own', () => {
    const later = new Date((timestamp + 60) * 1000);
    expect(verifyWebhookSignature(secret, timestamp, body, valid, later, 59)).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, body, valid, later, 60)).toBe(true);
  });
});

describe('generating a webhook secret', () => {
  it('is whsec_ and 32 bytes in base64url', () => {
    const requested: number[] = [];
    const secretText = generateWebhookSecret((n) => {
      requested.push(n);
      return new Uint8Array(n).map((_, index) => index * 8 + 3);
    });
    expect(requested).toEqual([32]);
    expect(secretText).toBe('whsec_AwsTGyMrMztDS1NbY2tze4OLk5ujq7O7w8vT2-Pr8_s');
  });

  it('uses only URL-safe characters, without padding', () => {
    expect(generateWebhookSecret((n) => new Uint8Array(n).fill(255))).toBe(
      `whsec_${'_'.repeat(42)}8`,
    );
    expect(generateWebhookSecret(randomBytes)).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => generateWebhookSecret(() => new Uint8Array(16))).toThrow(
      'the random source gave 16 bytes instead of 32',
    );
  });
});
