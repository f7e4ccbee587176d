import { Metadata } from '@grpc/grpc-js';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, principalOf } from '@itsm/auth';
import { TicketErrorCode } from '../domain/ticket-error';
import { callerOf } from './grpc-caller';

const requester = principalOf({
  kind: 'user',
  id: 'emp-1',
  name: 'Anna',
  roles: ['requester'],
  scopes: [],
  organizationId: 'org-acme',
  organizationWide: false,
  groupIds: [],
});

function metadataWith(...values: (string | Buffer)[]): Metadata {
  const metadata = new Metadata();
  for (const value of values) metadata.add(PRINCIPAL_METADATA_KEY, value as string);
  return metadata;
}

describe('the caller of a gRPC call', () => {
  it('is the principal in metadata, with what it may see', () => {
    const caller = callerOf(metadataWith(encodePrincipal(requester)));
    expect(caller.principal).toEqual(requester);
    expect(caller.access).toEqual({
      visibility: {
        kind: 'requester',
        userId: 'emp-1',
        organizationId: 'org-acme',
        organizationWide: false,
      },
      seesInternalNotes: false,
    });
  });

  it('is nobody without a principal', () => {
    expect(() => callerOf(new Metadata())).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.Unauthenticated,
        message: 'the caller is not identified',
      }),
    );
  });

  it.each<[string, Metadata]>([
    ['garbled', metadataWith('not base64 json')],
    ['not a principal', metadataWith(Buffer.from('{"id":"x"}').toString('base64url'))],
    ['given twice', metadataWith(encodePrincipal(requester), encodePrincipal(requester))],
  ])('is nobody with a principal that is %s', (_case, metadata) => {
    expect(() => callerOf(metadata)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.Unauthenticated }),
    );
  });
});
