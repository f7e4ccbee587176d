export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * What a new password must be (ASVS 2.1): long enough to resist guessing, short enough to hash
 * cheaply, and not the address it signs in with. Length counts characters, not bytes, so
 * Cyrillic passwords are held to the same rule. No composition rules (ASVS 2.1.9).
 */
export function passwordViolations(password: string, email: string | null): string[] {
  const violations: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    violations.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH)
    violations.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (email !== null && password.trim().toLowerCase() === email.trim().toLowerCase())
    violations.push('must not be the email address');
  return violations;
}
