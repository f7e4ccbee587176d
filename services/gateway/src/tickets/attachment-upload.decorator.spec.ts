import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  PayloadTooLargeException,
} from '@nestjs/common';
import { firstValueFrom, of, throwError } from 'rxjs';
import { FILE_TOO_LARGE, FileTooLargeInterceptor } from './attachment-upload.decorator';

const interceptor = new FileTooLargeInterceptor();
// The interceptor never reads the context.
const context = {} as ExecutionContext;
const failingWith = (error: unknown): CallHandler => ({ handle: () => throwError(() => error) });

describe('FileTooLargeInterceptor', () => {
  it('tells the client the limit when multer refuses a file as too large', async () => {
    const answer = firstValueFrom(
      interceptor.intercept(context, failingWith(new PayloadTooLargeException('File too large'))),
    );
    await expect(answer).rejects.toThrow(new PayloadTooLargeException(FILE_TOO_LARGE));
    expect(FILE_TOO_LARGE).toBe('the file is larger than 10 MiB');
  });

  it('leaves other errors and answers alone', async () => {
    const unexpected = new BadRequestException('Unexpected file field - attachment');
    await expect(
      firstValueFrom(interceptor.intercept(context, failingWith(unexpected))),
    ).rejects.toBe(unexpected);
    await expect(
      firstValueFrom(interceptor.intercept(context, { handle: () => of('answer') })),
    ).resolves.toBe('answer');
  });
});
