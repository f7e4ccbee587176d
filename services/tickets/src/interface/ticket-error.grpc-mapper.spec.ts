import { status } from '@grpc/grpc-js';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import { ErrorMetadata, ServiceErrorCodes } from '@itsm/contracts';
import { toGrpcError } from './ticket-error.grpc-mapper';

describe('TicketError → gRPC status', () => {
  it.each([
    [TicketErrorCode.ValidationFailed, status.INVALID_ARGUMENT],
    [TicketErrorCode.InvalidPageToken, status.INVALID_ARGUMENT],
    [TicketErrorCode.NotFound, status.NOT_FOUND],
    [TicketErrorCode.NotPermitted, status.PERMISSION_DENIED],
    [TicketErrorCode.Unauthenticated, status.UNAUTHENTICATED],
  ])('%s → %s', (code, grpcStatus) => {
    expect(toGrpcError(new TicketError(code, 'x')).code).toBe(grpcStatus);
  });

  it('carries the code and the field violations in metadata', () => {
    const error = toGrpcError(
      new TicketError(TicketErrorCode.ValidationFailed, 'the ticket request is invalid', [
        { field: 'title', message: 'title must not be empty' },
      ]),
    );
    expect(error.details).toBe('the ticket request is invalid');
    expect(error.metadata.get(ErrorMetadata.code)).toEqual(['VALIDATION_FAILED']);
    const [violations] = error.metadata.get(ErrorMetadata.violations);
    expect(JSON.parse((violations as Buffer).toString('utf8'))).toEqual([
      { field: 'title', message: 'title must not be empty' },
    ]);
  });
});

describe('error codes the gateway relies on', () => {
  it('are spelled as the contracts say', () => {
    expect(TicketErrorCode.VersionConflict).toBe(ServiceErrorCodes.versionConflict);
    expect(TicketErrorCode.IdempotencyKeyReused).toBe(ServiceErrorCodes.idempotencyKeyReused);
    expect(TicketErrorCode.InvalidTransition).toBe(ServiceErrorCodes.invalidTransition);
  });
});
