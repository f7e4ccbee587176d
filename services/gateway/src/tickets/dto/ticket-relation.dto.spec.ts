import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MergeTicketDto } from './merge-ticket.dto';
import { LinkTicketDto, UnlinkTicketQueryDto } from './ticket-relation.dto';

type DtoClass = typeof LinkTicketDto | typeof UnlinkTicketQueryDto | typeof MergeTicketDto;

async function violatedFields(dto: DtoClass, body: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(dto, body));
  return errors.map((error) => error.property).sort();
}

const targetId = '6f1c2a4e-8b3d-4c5e-9f60-1a2b3c4d5e6f';

describe('relation and merge bodies', () => {
  it('take a known kind, a ticket id and an actor', async () => {
    expect(
      await violatedFields(LinkTicketDto, { kind: 'caused_by', targetId, actorId: 'agent-7' }),
    ).toEqual([]);
    expect(await violatedFields(MergeTicketDto, { targetId, actorId: 'agent-7' })).toEqual([]);
    expect(await violatedFields(UnlinkTicketQueryDto, { actorId: 'agent-7' })).toEqual([]);
    // No actor: the caller acts.
    expect(await violatedFields(UnlinkTicketQueryDto, {})).toEqual([]);
    expect(await violatedFields(MergeTicketDto, { targetId })).toEqual([]);
  });

  it('refuse an unknown kind, a target that is no ticket id and a blank or overlong actor', async () => {
    expect(
      await violatedFields(LinkTicketDto, { kind: 'blocks', targetId: 'INC-000001', actorId: '' }),
    ).toEqual(['actorId', 'kind', 'targetId']);
    expect(await violatedFields(MergeTicketDto, { actorId: 'x'.repeat(201) })).toEqual([
      'actorId',
      'targetId',
    ]);
    expect(await violatedFields(UnlinkTicketQueryDto, { actorId: '' })).toEqual(['actorId']);
  });
});
