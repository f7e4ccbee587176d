import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import {
  ListAgentsQueryDto,
  SetAgentAvailabilityDto,
  SetCategorySkillsDto,
  WriteAgentDto,
} from './agent.dto';
import { ClassifyTextDto, TrainClassifierDto } from './classifier.dto';
import {
  DeleteRoutingRuleQueryDto,
  ListRoutingRulesQueryDto,
  WriteRoutingRuleDto,
} from './routing-rule.dto';
import { UpdateRoutingSettingsDto } from './routing-settings.dto';
import { ListSupportGroupsQueryDto, WriteSupportGroupDto } from './support-group.dto';
import { WriteSupportLineDto } from './support-line.dto';
import { EscalateTicketDto } from './ticket-routing.dto';

const pipe = apiValidationPipe();
const lineId = '0193a7a0-0000-7000-8000-00000000001a';
const groupId = '0193a7a0-0000-7000-8000-0000000000a1';

function accept(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<unknown> {
  return pipe.transform(value, { type, metatype });
}

async function refusedFields(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<string[]> {
  try {
    await accept(metatype, value, type);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return [...new Set(error.errors.map(({ field }) => field))].sort();
  }
}

const anna = {
  userId: 'agent-17',
  displayName: 'Anna Petrova',
  groupIds: [groupId],
  skills: [{ name: 'network', level: 4 }],
  capacity: 8,
  availability: 'online',
  shift: {
    timeZone: 'Europe/Moscow',
    windows: [{ weekday: 'monday', start: '09:00', end: '18:00' }],
  },
};

const vpnRule = {
  name: 'VPN to Network',
  order: 10,
  conditions: [{ field: 'keywords', operator: 'contains_any', values: ['vpn'] }],
  actions: { setGroupId: groupId, setPriority: 'high', addTags: ['vpn'] },
  stopProcessing: true,
  actorId: 'admin-1',
};

describe('routing bodies and queries', () => {
  it('take lines and groups in the API’s spellings, and refuse unknown ones', async () => {
    expect(await accept(WriteSupportLineDto, { name: '2nd line', level: 2 })).toMatchObject({
      level: 2,
    });
    expect(await refusedFields(WriteSupportLineDto, { name: '', level: 10 })).toEqual([
      'level',
      'name',
    ]);
    const network = { name: 'Network', lineId, strategy: 'least_loaded' };
    expect(await accept(WriteSupportGroupDto, network)).toMatchObject(network);
    expect(
      await refusedFields(WriteSupportGroupDto, {
        ...network,
        lineId: 'second',
        strategy: 'random',
        escalationGroupId: 'next',
        autoAssign: 'yes',
      }),
    ).toEqual(['autoAssign', 'escalationGroupId', 'lineId', 'strategy']);
    expect(await refusedFields(ListSupportGroupsQueryDto, { lineId: 'x' }, 'query')).toEqual([
      'lineId',
    ]);
  });

  it('take an agent with skills and a shift, and refuse them field by field', async () => {
    expect(await accept(WriteAgentDto, anna)).toMatchObject(anna);
    expect(await accept(WriteAgentDto, { ...anna, shift: null })).toMatchObject({ shift: null });
    expect(
      await refusedFields(WriteAgentDto, {
        ...anna,
        groupIds: ['network'],
        skills: [{ name: 'network', level: 6 }],
        capacity: -1,
        availability: 'busy',
        shift: { timeZone: 'Europe/Moscow', windows: [{ weekday: 1, start: '09:00' }] },
      }),
    ).toEqual([
      'availability',
      'capacity',
      'groupIds',
      'shift.windows.0.end',
      'shift.windows.0.weekday',
      'skills.0.level',
    ]);
    expect(await accept(SetAgentAvailabilityDto, { availability: 'away' })).toEqual({
      availability: 'away',
    });
    expect(await refusedFields(SetAgentAvailabilityDto, { availability: 'lunch' })).toEqual([
      'availability',
    ]);
    expect(await accept(SetCategorySkillsDto, { skills: [] })).toEqual({ skills: [] });
  });

  it('read the agent list’s query, and bound its page', async () => {
    expect(
      await accept(
        ListAgentsQueryDto,
        { groupId, query: 'petr', limit: '20', cursor: 'c' },
        'query',
      ),
    ).toEqual({ groupId, query: 'petr', limit: 20, cursor: 'c' });
    expect(
      await refusedFields(
        ListAgentsQueryDto,
        { groupId: 'g', limit: '501', pageSize: '20' },
        'query',
      ),
    ).toEqual(['groupId', 'limit', 'pageSize']);
  });

  it('take a rule in the API’s spellings, and refuse unknown ones', async () => {
    expect(await accept(WriteRoutingRuleDto, vpnRule)).toMatchObject(vpnRule);
    expect(
      await accept(WriteRoutingRuleDto, { name: 'Everything', actorId: 'admin-1' }),
    ).toMatchObject({ name: 'Everything' });
    expect(
      await refusedFields(WriteRoutingRuleDto, {
        ...vpnRule,
        order: 0,
        conditions: [{ field: 'mood', operator: 'like', values: 'vpn' }],
        actions: { setGroupId: 'network', setPriority: 'urgent', addTags: ['a,b'] },
        actorId: '',
      }),
    ).toEqual([
      'actions.addTags',
      'actions.setGroupId',
      'actions.setPriority',
      'actorId',
      'conditions.0.field',
      'conditions.0.operator',
      'conditions.0.values',
      'order',
    ]);
    expect(await accept(ListRoutingRulesQueryDto, { includeDisabled: 'true' }, 'query')).toEqual({
      includeDisabled: true,
    });
    // No actor: the caller acts.
    expect(await refusedFields(DeleteRoutingRuleQueryDto, {}, 'query')).toEqual([]);
    expect(await refusedFields(DeleteRoutingRuleQueryDto, { actorId: '' }, 'query')).toEqual([
      'actorId',
    ]);
  });

  it('take settings, training and predictions within their bounds', async () => {
    expect(
      await accept(UpdateRoutingSettingsDto, {
        classificationThreshold: 0.7,
        defaultGroupId: null,
      }),
    ).toEqual({ classificationThreshold: 0.7, defaultGroupId: null });
    expect(
      await refusedFields(UpdateRoutingSettingsDto, {
        classificationThreshold: 1.5,
        defaultGroupId: 'g',
      }),
    ).toEqual(['classificationThreshold', 'defaultGroupId']);
    expect(await accept(TrainClassifierDto, { actorId: 'admin-1' })).toEqual({
      actorId: 'admin-1',
    });
    expect(
      await refusedFields(TrainClassifierDto, { actorId: 'admin-1', holdoutShare: 2 }),
    ).toEqual(['holdoutShare']);
    expect(await accept(ClassifyTextDto, { description: 'VPN' })).toEqual({ description: 'VPN' });
    expect(await refusedFields(ClassifyTextDto, { title: 5, description: [] })).toEqual([
      'description',
      'title',
    ]);
  });

  it('take an escalation with a reason and its actor', async () => {
    expect(await accept(EscalateTicketDto, { reason: 'on site', actorId: 'agent-17' })).toEqual({
      reason: 'on site',
      actorId: 'agent-17',
    });
    expect(await accept(EscalateTicketDto, { reason: 'on site' })).toEqual({ reason: 'on site' });
    expect(await refusedFields(EscalateTicketDto, { reason: '', actorId: '' })).toEqual([
      'actorId',
      'reason',
    ]);
  });
});
