import { checkUpload, MAX_ATTACHMENT_BYTES } from './ticket-attachment';
import { TicketErrorCode } from './ticket-error';

const screenshot = {
  fileName: 'Снимок экрана 2026-11-27.png',
  contentType: 'image/png',
  sizeBytes: 120_000,
  uploadedBy: 'emp-1',
};

describe('attachment uploads', () => {
  it('keep the last segment of the name, without control characters', () => {
    expect(checkUpload(screenshot)).toBe('Снимок экрана 2026-11-27.png');
    expect(
      checkUpload({
        ...screenshot,
        fileName: 'C:\\Users\\me\\log\u0007.txt',
        contentType: 'text/plain; charset=utf-8',
      }),
    ).toBe('log.txt');
  });

  it.each([
    [{ contentType: 'application/x-msdownload' }, 'contentType'],
    [{ fileName: 'setup.exe', contentType: 'application/zip' }, 'fileName'],
    [{ sizeBytes: MAX_ATTACHMENT_BYTES + 1 }, 'file'],
    [{ sizeBytes: 0 }, 'file'],
    [{ fileName: '   ' }, 'fileName'],
    [{ uploadedBy: '' }, 'uploadedBy'],
  ])('refuses %j naming %s', (change, field) => {
    expect(() => checkUpload({ ...screenshot, ...change })).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      }) as Error,
    );
  });
});
