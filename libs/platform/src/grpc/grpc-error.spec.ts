import { status } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import { ErrorMetadata } from '@itsm/contracts';
import { type GrpcErrorObject, rpcErrorFilter } from './grpc-error';

class ShelfError extends Error {
  constructor(
    readonly code: 'EMPTY' | 'FULL',
    message: string,
    readonly violations: { field: string; message: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

describe('rpcErrorFilter', () => {
  it('answers a service error with its status and its code, violations and details as metadata', async () => {
    const Filter = rpcErrorFilter(ShelfError, (code) =>
      code === 'EMPTY' ? status.NOT_FOUND : status.FAILED_PRECONDITION,
    );
    const error = new ShelfError(
      'FULL',
      'the shelf is full',
      [{ field: 'size', message: 'too big' }],
      {
        free: 0,
      },
    );
    const answer = await firstValueFrom(new Filter().catch(error, {} as never)).catch(
      (caught: unknown) => caught as GrpcErrorObject,
    );
    expect(answer).toMatchObject({
      code: status.FAILED_PRECONDITION,
      message: 'the shelf is full',
    });
    const metadata = (answer as GrpcErrorObject).metadata;
    expect(metadata.get(ErrorMetadata.code)).toEqual(['FULL']);
    expect(JSON.parse(String(metadata.get(ErrorMetadata.violations)[0]))).toEqual([
      { field: 'size', message: 'too big' },
    ]);
    expect(JSON.parse(String(metadata.get(ErrorMetadata.details)[0]))).toEqual({ free: 0 });
  });
});
