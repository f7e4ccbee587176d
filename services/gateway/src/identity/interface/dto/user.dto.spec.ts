import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../../configure-http';
import { ValidationException } from '../../../problem/validation.exception';
import { ParseUserIdPipe } from '../parse-user-id.pipe';
import { CreateUserDto } from './user.dto';

const pipe = apiValidationPipe();
const body = { email: 'maria.ivanova@example.com', displayName: 'Мария', roles: ['requester'] };

async function refusedFields(value: unknown): Promise<string[]> {
  try {
    await pipe.transform(value, { type: 'body', metatype: CreateUserDto } as ArgumentMetadata);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return [...new Set(error.errors.map(({ field }) => field))];
  }
}

describe('user ids at the HTTP edge', () => {
  it('takes a new user without an id, or with one a directory import keeps', async () => {
    expect(await refusedFields(body)).toEqual([]);
    expect(await refusedFields({ ...body, id: 'emp-1001' })).toEqual([]);
    expect(await refusedFields({ ...body, id: 'DOMAIN:j.doe@corp_1' })).toEqual([]);
  });

  it('refuses ids that are empty, too long, not text, or with other characters', async () => {
    for (const id of ['', 'x'.repeat(101), 42, 'emp 1001', 'emp/1001', 'эмп-1'])
      expect(await refusedFields({ ...body, id })).toEqual(['id']);
  });

  it('reads a path id the same way: UUIDs and imported ids pass, anything else is a 400', () => {
    const path = new ParseUserIdPipe();
    expect(path.transform('0193a8f2-6c1e-7cc4-9d2b-3f5e8a1b2c4d')).toBe(
      '0193a8f2-6c1e-7cc4-9d2b-3f5e8a1b2c4d',
    );
    expect(path.transform('emp-1001')).toBe('emp-1001');
    expect(() => path.transform('emp 1001')).toThrow(ValidationException);
    expect(() => path.transform('x'.repeat(101))).toThrow(ValidationException);
  });
});
