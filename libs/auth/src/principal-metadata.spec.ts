import { principalOf } from './principal';
import { decodePrincipal, encodePrincipal, PrincipalMetadataError } from './principal-metadata';

describe('principal metadata', () => {
  const principal = principalOf({
    kind: 'user',
    id: 'u-7',
    name: 'Мария Иванова',
    roles: ['agent'],
    scopes: [],
    organizationId: null,
    organizationWide: false,
    groupIds: ['g-1'],
  });

  it('round-trips the claims and derives the permissions again', () => {
    const decoded = decodePrincipal(encodePrincipal(principal));
    expect(decoded).toEqual(principal);
    expect(decoded.permissions.has('tickets.work')).toBe(true);
  });

  it('ignores permissions smuggled onto the wire', () => {
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(encodePrincipal(principal), 'base64url').toString()),
        permissions: ['identity.roles.assign'],
      }),
    ).toString('base64url');
    expect(() => decodePrincipal(forged)).toThrow(PrincipalMetadataError);
  });

  it.each(['', 'not base64 json', Buffer.from('{"id":1}').toString('base64url')])(
    'refuses %j',
    (value) => {
      expect(() => decodePrincipal(value)).toThrow(PrincipalMetadataError);
    },
  );

  it('refuses unknown roles', () => {
    const value = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(encodePrincipal(principal), 'base64url').toString()),
        roles: ['root'],
      }),
    ).toString('base64url');
    expect(() => decodePrincipal(value)).toThrow(/not a principal/);
  });
});
