import { apiKeyRefusal, formatApiKey, isKeyUseDue, parseApiKey } from './api-key';

const keyId = '3f9a1c0b7d2e4a65';
// 32 bytes in base64url: 43 characters, '_' and '-' included.
const secret = 'Vb0c_Zq-1xYwTt8Kp2mN3aLs4dFg5hJk6lQ7wEr9uIo';
const now = new Date('2026-03-02T10:00:00Z');

describe('API keys', () => {
  it('formats itsm_<keyId>_<secret> and parses it back, underscores in the secret included', () => {
    const key = formatApiKey(keyId, secret);
    expect(key).toBe(`itsm_${keyId}_${secret}`);
    expect(parseApiKey(key)).toEqual({ keyId, secret });
  });

  it.each([
    ['another prefix', `key_${keyId}_${secret}`],
    ['a short key id', `itsm_3f9a1c0b_${secret}`],
    ['an upper-case key id', `itsm_${keyId.toUpperCase()}_${secret}`],
    ['a short secret', `itsm_${keyId}_${secret.slice(1)}`],
    ['a secret with padding', `itsm_${keyId}_${secret.slice(1)}=`],
    ['surrounding space', ` itsm_${keyId}_${secret}`],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.e30.signature'],
    ['nothing', ''],
  ])('refuses %s', (_case, text) => {
    expect(parseApiKey(text)).toBeUndefined();
  });

  it('refuses to format what it could not parse', () => {
    expect(() => formatApiKey('short', secret)).toThrow();
  });

  it.each<
    [string, { revokedAt: Date | null; expiresAt: Date | null }, boolean, string | undefined]
  >([
    ['a live key', { revokedAt: null, expiresAt: null }, false, undefined],
    [
      'a key expiring later',
      { revokedAt: null, expiresAt: new Date('2026-03-03T00:00:00Z') },
      false,
      undefined,
    ],
    ['a revoked key', { revokedAt: now, expiresAt: null }, false, 'revoked'],
    ['an expired key', { revokedAt: null, expiresAt: now }, false, 'expired'],
    [
      'a key of a disabled account',
      { revokedAt: null, expiresAt: null },
      true,
      'service_account_disabled',
    ],
  ])('%s: %s', (_case, key, disabled, refusal) => {
    expect(apiKeyRefusal(key, disabled, now)).toBe(refusal);
  });

  it.each<[string, Date | null, boolean]>([
    ['never used', null, true],
    ['used 59 s ago', new Date(now.getTime() - 59_000), false],
    ['used a minute ago', new Date(now.getTime() - 60_000), true],
  ])('records a use when %s: %s', (_case, lastUsedAt, due) => {
    expect(isKeyUseDue(lastUsedAt, now)).toBe(due);
  });
});
