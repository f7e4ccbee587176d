import { status } from '@grpc/grpc-js';
import { CmdbErrorCode } from '../domain/cmdb-error';
import { dispositionOf } from './cmdb-error.kafka-mapper';
import { grpcStatusOf } from './cmdb-error.grpc-mapper';

describe('cmdb error codes on the wire', () => {
  it.each([
    [CmdbErrorCode.ValidationFailed, status.INVALID_ARGUMENT],
    [CmdbErrorCode.NotFound, status.NOT_FOUND],
    [CmdbErrorCode.VersionConflict, status.ABORTED],
    [CmdbErrorCode.AlreadyExists, status.ALREADY_EXISTS],
    [CmdbErrorCode.InvalidTransition, status.FAILED_PRECONDITION],
    [CmdbErrorCode.FailedPrecondition, status.FAILED_PRECONDITION],
  ])('answers %s with gRPC status %i', (code, expected) => {
    expect(grpcStatusOf(code)).toBe(expected);
  });

  it('skips every refused ticket event, since a retry cannot make it apply', () => {
    for (const code of Object.values(CmdbErrorCode)) {
      expect(dispositionOf(code).action).toBe('skip');
    }
    expect(dispositionOf(CmdbErrorCode.FailedPrecondition).level).toBe('error');
  });
});
