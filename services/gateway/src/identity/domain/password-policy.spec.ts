import { passwordViolations } from './password-policy';

describe('password policy', () => {
  it.each<[string, string, string | null, string[]]>([
    ['12 characters', 'correcthorse', 'maria@example.com', []],
    ['11 characters', 'correcthors', 'maria@example.com', ['must be at least 12 characters long']],
    ['128 characters', 'a'.repeat(128), 'maria@example.com', []],
    [
      '129 characters',
      'a'.repeat(129),
      'maria@example.com',
      ['must be at most 128 characters long'],
    ],
    ['12 Cyrillic characters (24 bytes)', 'парольпароль', 'maria@example.com', []],
    [
      '4 emoji (8 UTF-16 units, 4 characters)',
      '🔑🔑🔑🔑',
      null,
      ['must be at least 12 characters long'],
    ],
    [
      'the email',
      'maria.ivanova@example.com',
      'maria.ivanova@example.com',
      ['must not be the email address'],
    ],
    [
      'the email in another case',
      'Maria.Ivanova@Example.com',
      'maria.ivanova@example.com',
      ['must not be the email address'],
    ],
    ['a password without an account email', 'long enough password', null, []],
  ])('%s', (_case, password, email, violations) => {
    expect(passwordViolations(password, email)).toEqual(violations);
  });
});
