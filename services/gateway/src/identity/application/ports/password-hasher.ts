/** Turns passwords into slow, salted, self-describing hashes and checks them. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash it cannot read; never throws for either. */
  verify(password: string, stored: string): Promise<boolean>;
}

export const PASSWORD_HASHER = Symbol('PasswordHasher');
