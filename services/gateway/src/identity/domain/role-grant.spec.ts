import { permissionsOf, type Role } from '@itsm/auth';
import { mayAdministerUser } from './role-grant';

const manager = permissionsOf(['service_desk_manager']);
const administrator = permissionsOf(['administrator']);
const supervisor = permissionsOf(['supervisor']);
const identityIntegration = permissionsOf([], ['identity:admin']);

describe('who may administer a user', () => {
  it.each<[string, ReturnType<typeof permissionsOf>, Role[], Role[], boolean]>([
    ['a manager creates a requester', manager, [], ['requester'], true],
    ['a manager creates an agent', manager, [], ['agent'], true],
    ['a manager creates a supervisor', manager, [], ['supervisor'], true],
    ['a manager makes a requester a specialist', manager, ['requester'], ['specialist'], true],
    ['a manager creates another manager', manager, [], ['service_desk_manager'], false],
    ['a manager creates an administrator', manager, [], ['administrator'], false],
    [
      'a manager promotes an agent to manager',
      manager,
      ['agent'],
      ['agent', 'service_desk_manager'],
      false,
    ],
    ['a manager changes an administrator', manager, ['administrator'], ['administrator'], false],
    ['a manager demotes an administrator', manager, ['administrator'], ['agent'], false],
    ['an administrator creates a manager', administrator, [], ['service_desk_manager'], true],
    ['an administrator creates an administrator', administrator, [], ['administrator'], true],
    ['an administrator creates a requester', administrator, [], ['requester'], true],
    ['a supervisor creates a requester', supervisor, [], ['requester'], false],
    [
      'an identity:admin integration creates an administrator',
      identityIntegration,
      [],
      ['administrator'],
      true,
    ],
  ])('%s: %s', (_case, caller, current, next, allowed) => {
    expect(mayAdministerUser(caller, current, next)).toBe(allowed);
  });

  it('judges an edit that keeps the roles by the roles the user holds', () => {
    expect(mayAdministerUser(manager, ['agent'])).toBe(true);
    expect(mayAdministerUser(manager, ['service_desk_manager'])).toBe(false);
  });
});
