import { status } from '@grpc/grpc-js';
import { ErrorMetadata } from '@itsm/contracts';
import { SlaError, SlaErrorCode } from '../domain/sla-error';
import { grpcStatusOf, toGrpcError } from './sla-error.grpc-mapper';

describe('SLA errors over gRPC', () => {
  it.each([
    [SlaErrorCode.ValidationFailed, status.INVALID_ARGUMENT],
    [SlaErrorCode.NotFound, status.NOT_FOUND],
    [SlaErrorCode.InvalidTransition, status.FAILED_PRECONDITION],
    [SlaErrorCode.NoWorkingTime, status.FAILED_PRECONDITION],
    [SlaErrorCode.VersionConflict, status.ABORTED],
  ])('%s → %s', (code, grpcStatus) => {
    expect(grpcStatusOf(code)).toBe(grpcStatus);
  });

  it('carry the code, violations and details as trailers', () => {
    const error = toGrpcError(
      new SlaError(SlaErrorCode.VersionConflict, 'stale', [], { currentVersion: 4 }),
    );
    expect(error.metadata.get(ErrorMetadata.code)).toEqual(['VERSION_CONFLICT']);
    expect(JSON.parse(String(error.metadata.get(ErrorMetadata.details)[0]))).toEqual({
      currentVersion: 4,
    });
  });
});
