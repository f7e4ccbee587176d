import { administratorMetadataValue, claimsOfAccessToken } from './principal';

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: Record<string, unknown>): string =>
  `${part({ alg: 'HS256', typ: 'at+jwt' })}.${part(claims)}.c2lnbmF0dXJl`;

const ADMIN = {
  iss: 'itsm-gateway',
  aud: 'itsm-api',
  sub: '4b6f0c5e-1d7a-4d1b-9a43-6a1f0e2b9c11',
  sid: 'session-1',
  name: 'Administrator',
  roles: ['administrator'],
  org: null,
  orgWide: false,
  groups: ['grp-1'],
  iat: 1,
  exp: 2,
};

describe('claimsOfAccessToken', () => {
  it('maps the short claim names to the principal the gateway forwards', () => {
    expect(claimsOfAccessToken(token(ADMIN))).toEqual({
      kind: 'user',
      id: ADMIN.sub,
      name: 'Administrator',
      roles: ['administrator'],
      scopes: [],
      organizationId: null,
      organizationWide: false,
      groupIds: ['grp-1'],
    });
  });

  it('keeps only roles and scopes it knows', () => {
    const claims = claimsOfAccessToken(
      token({ ...ADMIN, roles: ['agent', 'root'], scopes: ['tickets:read', 'all'], org: 'o-1' }),
    );
    expect(claims).toMatchObject({
      roles: ['agent'],
      scopes: ['tickets:read'],
      organizationId: 'o-1',
    });
  });

  it('refuses what is not a JWT with a subject', () => {
    expect(() => claimsOfAccessToken('opaque')).toThrow(/not a JWT/);
    const { sub: _sub, ...anonymous } = ADMIN;
    expect(() => claimsOfAccessToken(token(anonymous))).toThrow(/no subject/);
  });
});

describe('administratorMetadataValue', () => {
  it('encodes the claims as base64url JSON without the derived permissions', () => {
    const value = administratorMetadataValue(token(ADMIN));
    expect(JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))).toEqual(
      claimsOfAccessToken(token(ADMIN)),
    );
  });

  it('refuses a user who is not an administrator', () => {
    expect(() => administratorMetadataValue(token({ ...ADMIN, roles: ['agent'] }))).toThrow(
      /not an administrator/,
    );
  });
});
