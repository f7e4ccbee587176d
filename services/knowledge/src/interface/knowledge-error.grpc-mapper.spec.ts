import { status } from '@grpc/grpc-js';
import { KnowledgeError, KnowledgeErrorCode } from '../domain/knowledge-error';
import { grpcStatusOf, toGrpcError } from './knowledge-error.grpc-mapper';

describe('knowledge errors over gRPC', () => {
  it.each([
    [KnowledgeErrorCode.ValidationFailed, status.INVALID_ARGUMENT],
    [KnowledgeErrorCode.InvalidPageToken, status.INVALID_ARGUMENT],
    [KnowledgeErrorCode.NotFound, status.NOT_FOUND],
    [KnowledgeErrorCode.InvalidTransition, status.FAILED_PRECONDITION],
    [KnowledgeErrorCode.VersionConflict, status.ABORTED],
    [KnowledgeErrorCode.AlreadyExists, status.ALREADY_EXISTS],
    [KnowledgeErrorCode.SearchUnavailable, status.UNAVAILABLE],
  ])('%s → %s', (code, grpcStatus) => {
    expect(grpcStatusOf(code)).toBe(grpcStatus);
  });

  it('carries the code, violations and details in metadata', () => {
    const error = toGrpcError(
      new KnowledgeError(
        KnowledgeErrorCode.InvalidTransition,
        'cannot approve',
        [{ field: 'actorId', message: 'm' }],
        { currentStatus: 'draft' },
      ),
    );
    expect(error.metadata.get('itsm-error-code')).toEqual(['INVALID_TRANSITION']);
    expect(JSON.parse(String(error.metadata.get('itsm-error-details-bin')[0]))).toEqual({
      currentStatus: 'draft',
    });
  });
});
