import { Metadata, status } from '@grpc/grpc-js';
import { ErrorMetadata, ServiceErrorCodes } from '@itsm/contracts';
import { readModifyWrite } from './read-modify-write';

function refusal(code: status, errorCode?: string) {
  const metadata = new Metadata();
  if (errorCode) metadata.set(ErrorMetadata.code, errorCode);
  return { code, details: 'refused', metadata };
}

const versionConflict = refusal(status.ABORTED, ServiceErrorCodes.versionConflict);

/** A write that is refused as given, then succeeds; counts its calls. */
function writes(...refusals: unknown[]) {
  let calls = 0;
  const write = () => {
    const refused = refusals[calls];
    calls += 1;
    return refused === undefined
      ? Promise.resolve(`written on try ${calls}`)
      : Promise.reject(refused);
  };
  return { write, calls: () => calls };
}

describe('a PATCH over a replacing write', () => {
  it('without If-Match, reads and writes again when another change came in between', async () => {
    const { write, calls } = writes(versionConflict, versionConflict);
    await expect(readModifyWrite(undefined, write)).resolves.toBe('written on try 3');
    expect(calls()).toBe(3);
  });

  it('without If-Match, gives up after a few lost races: 412 then', async () => {
    const { write, calls } = writes(versionConflict, versionConflict, versionConflict);
    await expect(readModifyWrite(undefined, write)).rejects.toBe(versionConflict);
    expect(calls()).toBe(3);
  });

  it('with If-Match, lets the client see the conflict at once', async () => {
    const { write, calls } = writes(versionConflict);
    await expect(readModifyWrite(3, write)).rejects.toBe(versionConflict);
    expect(calls()).toBe(1);
  });

  it.each([
    ['a refusal of the body', refusal(status.INVALID_ARGUMENT)],
    ['an aborted write of another cause', refusal(status.ABORTED, 'SOMETHING_ELSE')],
    ['an unknown resource', refusal(status.NOT_FOUND)],
    ['a failure of the gateway', new Error('boom')],
  ])('never retries %s', async (_what, error) => {
    const { write, calls } = writes(error);
    await expect(readModifyWrite(undefined, write)).rejects.toBe(error);
    expect(calls()).toBe(1);
  });
});
