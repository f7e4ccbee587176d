import { status } from '@grpc/grpc-js';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import { ERROR_CODE_METADATA, toGrpcError, VIOLATIONS_METADATA } from './ticket-error.grpc-mapper';

describe('TicketError → gRPC status', () => {
  it.each([
    [TicketErrorCode.ValidationFailed, status.INVALID_ARGUMENT],
    [TicketErrorCode.InvalidPageToken, status.INVALID_ARGUMENT],
    [TicketErrorCode.NotFound, status.NOT_FOUND],
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
    expect(error.metadata.get(ERROR_CODE_METADATA)).toEqual(['VALIDATION_FAILED']);
    const [violations] = error.metadata.get(VIOLATIONS_METADATA);
    expect(JSON.parse((violations as Buffer).toString('utf8'))).toEqual([
      { field: 'title', message: 'title must not be empty' },
    ]);
  });
});
