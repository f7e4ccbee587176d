import { claimAt, rolesOfClaim } from './oidc-claims';

describe('external provider claims', () => {
  const claims = {
    roles: ['agent'],
    realm_access: { roles: ['offline_access', 'specialist', 'uma_authorization'] },
    resource_access: { itsm: { roles: 'supervisor agent' } },
    organization: 'ООО «Ромашка»',
  };

  it.each<[string, string, unknown]>([
    ['a top-level claim', 'roles', ['agent']],
    ['a dotted path', 'realm_access.roles', claims.realm_access.roles],
    ['a deeper path', 'resource_access.itsm.roles', 'supervisor agent'],
    ['a missing claim', 'groups', undefined],
    ['a path through a list', 'roles.0', undefined],
    ['a path past a string', 'organization.name', undefined],
    ['an inherited property', 'realm_access.constructor', undefined],
  ])('reads %s', (_case, path, value) => {
    expect(claimAt(claims, path)).toEqual(value);
  });

  it.each<[string, unknown, string[] | undefined]>([
    ['known roles of a list, in our order', ['supervisor', 'agent'], ['agent', 'supervisor']],
    ['unknown names dropped', ['offline_access', 'specialist', 'root'], ['specialist']],
    ['a space-separated string', 'supervisor agent', ['agent', 'supervisor']],
    ['a comma-separated string', 'agent,administrator', ['agent', 'administrator']],
    ['duplicates once', ['agent', 'agent'], ['agent']],
    ['non-strings ignored', ['agent', 7, null], ['agent']],
    ['no known role: a requester', ['offline_access'], ['requester']],
    ['an empty list: a requester', [], ['requester']],
    ['an absent claim: the local roles apply', undefined, undefined],
    ['an object: the local roles apply', { agent: true }, undefined],
  ])('maps %s', (_case, value, roles) => {
    expect(rolesOfClaim(value)).toEqual(roles);
  });
});
