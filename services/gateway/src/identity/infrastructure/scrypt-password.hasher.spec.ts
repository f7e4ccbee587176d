import { parseScryptHash, ScryptPasswordHasher } from './scrypt-password.hasher';

describe('scrypt password hasher', () => {
  const hasher = new ScryptPasswordHasher();

  it('verifies the password it hashed and refuses another', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('stores a self-describing hash: scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key', async () => {
    const stored = await hasher.hash('пароль достаточной длины');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const parsed = parseScryptHash(stored);
    expect(parsed?.salt).toHaveLength(16);
    expect(parsed?.key).toHaveLength(64);
    await expect(hasher.verify('пароль достаточной длины', stored)).resolves.toBe(true);
  });

  it('salts every hash differently', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('the same password'),
      hasher.hash('the same password'),
    ]);
    expect(first).not.toBe(second);
    expect(parseScryptHash(first ?? '')?.salt).not.toEqual(parseScryptHash(second ?? '')?.salt);
  });

  it('reads the cost from the stored hash, so hashes of a cheaper setting still verify', async () => {
    const cheap = new ScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1, saltBytes: 16, keyBytes: 32 });
    const stored = await cheap.hash('an older, cheaper hash');
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(hasher.verify('an older, cheaper hash', stored)).resolves.toBe(true);
  });

  it('treats the same text in another Unicode normal form as the same password', async () => {
    const stored = await hasher.hash('Ёлка новогодняя'.normalize('NFD'));
    await expect(hasher.verify('Ёлка новогодняя'.normalize('NFC'), stored)).resolves.toBe(true);
  });

  it.each([
    ['another algorithm', '$2b$12$abcdefghijklmnopqrstuv'],
    ['too few parts', 'scrypt$32768$8$1$c2FsdA=='],
    ['N not a power of two', `scrypt$30000$8$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['an N that would exhaust memory', `scrypt$${2 ** 24}$8$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['an r out of bounds', `scrypt$32768$64$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['an empty hash', `scrypt$32768$8$1$${'A'.repeat(24)}$`],
  ])('refuses (without throwing) a stored hash with %s', async (_case, stored) => {
    await expect(hasher.verify('whatever password', stored)).resolves.toBe(false);
  });
});
