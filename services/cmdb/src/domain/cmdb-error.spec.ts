import { CmdbError, CmdbErrorCode, throwIfInvalid } from './cmdb-error';

describe('throwing every violation at once', () => {
  it('passes when nothing is wrong', () => {
    expect(() => throwIfInvalid('the item is invalid', [])).not.toThrow();
  });

  it('throws VALIDATION_FAILED with all the violations', () => {
    const violations = [
      { field: 'name', message: 'name is required' },
      { field: 'attributes/ram_gb', message: 'must be number' },
    ];
    let thrown: unknown;
    try {
      throwIfInvalid('the item is invalid', violations);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CmdbError);
    expect(thrown).toMatchObject({
      name: 'CmdbError',
      code: CmdbErrorCode.ValidationFailed,
      message: 'the item is invalid',
      violations,
      details: {},
    });
  });
});
