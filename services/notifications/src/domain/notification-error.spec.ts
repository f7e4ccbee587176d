import { NotificationError, NotificationErrorCode, throwIfViolated } from './notification-error';

describe('the notification error', () => {
  it('carries its code, message, violations and details', () => {
    const error = new NotificationError(
      NotificationErrorCode.InvalidState,
      'the delivery was already sent',
      [{ field: 'deliveryId', message: 'already sent' }],
      { status: 'sent' },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NotificationError');
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toBe('the delivery was already sent');
    expect(error.violations).toEqual([{ field: 'deliveryId', message: 'already sent' }]);
    expect(error.details).toEqual({ status: 'sent' });
  });

  it.each([
    [NotificationErrorCode.ValidationFailed, 'VALIDATION_FAILED'],
    [NotificationErrorCode.NotFound, 'NOT_FOUND'],
    [NotificationErrorCode.VersionConflict, 'VERSION_CONFLICT'],
    [NotificationErrorCode.InvalidState, 'INVALID_STATE'],
  ])('spells %s as %s on the wire', (code, wire) => {
    expect(code).toBe(wire);
  });

  it('has no violations or details unless given', () => {
    const error = new NotificationError(NotificationErrorCode.NotFound, 'no such template');
    expect(error.violations).toEqual([]);
    expect(error.details).toEqual({});
  });
});

describe('throwing collected violations', () => {
  it('does nothing without violations', () => {
    expect(() => throwIfViolated([], 'invalid')).not.toThrow();
  });

  it('throws all of them as one validation error', () => {
    const violations = [
      { field: 'a', message: 'is required' },
      { field: 'b', message: 'is too long' },
    ];
    expect(() => throwIfViolated(violations, 'the template is invalid')).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        message: 'the template is invalid',
        violations,
      }),
    );
  });
});
