import type { Principal } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import {
  IdentityError,
  IdentityErrorCode,
  invalidField,
  notFound,
} from '../../domain/identity-error';
import type { Organization } from '../../domain/organization';
import { decodeCursorPair, encodeCursor, UUID_PATTERN } from '../../domain/page-cursor';
import { actorOf, auditEvent } from '../audit-events';
import { versionConflict } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore, Page } from '../ports/identity-store';

export interface CreateOrganizationCommand {
  actor: Principal;
  name: string;
  origin: RequestOrigin;
}

export interface RenameOrganizationCommand {
  actor: Principal;
  id: string;
  name: string;
  expectedVersion: number | undefined;
  origin: RequestOrigin;
}

function nameTaken(): IdentityError {
  return new IdentityError(IdentityErrorCode.AlreadyExists, 'an organization of this name exists', [
    { field: 'name', message: 'is taken' },
  ]);
}

/** Customer organisations: created, renamed, listed by name. Names are unique, case aside. */
export class ManageOrganizationsUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(command: CreateOrganizationCommand): Promise<Organization> {
    const now = this.clock.now();
    const organization: Organization = {
      id: this.ids.newId(),
      name: command.name.trim(),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.store.transaction(async ({ organizations, audit }) => {
      if ((await organizations.insert(organization)) === 'name-taken') throw nameTaken();
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'organization.created',
          target: { type: 'organization', id: organization.id },
          outcome: 'success',
          origin: command.origin,
          details: { name: organization.name },
        }),
      );
    });
    return organization;
  }

  rename(command: RenameOrganizationCommand): Promise<Organization> {
    const name = command.name.trim();
    return this.store.transaction(async ({ organizations, audit }) => {
      const before = await organizations.findById(command.id);
      if (!before) throw notFound(`organization ${command.id}`);
      const now = this.clock.now();
      const renamed = await organizations.rename(command.id, name, command.expectedVersion, now);
      if (renamed === 'not-found') throw notFound(`organization ${command.id}`);
      if (renamed === 'name-taken') throw nameTaken();
      if (renamed === 'version-conflict') throw versionConflict(before.version);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'organization.renamed',
          target: { type: 'organization', id: command.id },
          outcome: 'success',
          origin: command.origin,
          details: { before: before.name, after: name },
        }),
      );
      return renamed;
    });
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.store.organizations.findById(id);
    if (!organization) throw notFound(`organization ${id}`);
    return organization;
  }

  async list(limit: number, cursor: string | undefined): Promise<Page<Organization>> {
    const after = cursor === undefined ? null : decodeCursorPair(cursor);
    if (after === undefined || (after && !UUID_PATTERN.test(after[1])))
      throw invalidField('cursor', 'cursor is not a cursor of this list');
    const found = await this.store.organizations.list(limit + 1, after);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: found.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  }
}
