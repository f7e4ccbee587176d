import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CiStatus, RelationshipType } from '../generated/itsm/cmdb/v1/cmdb';
import * as cmdbEvents from './cmdb-events';
import { AssetMoved, CiCreated, CiRelationshipCreated } from './cmdb-events';
import { Topics } from './topics';

const item = {
  id: '0194a000-0000-7000-8000-00000000c001',
  typeKey: 'laptop',
  name: 'LT-0042',
  externalId: '1c-000042',
  attributesJson: '{"cpu":"i7"}',
  status: CiStatus.CI_STATUS_ACTIVE,
  ownerId: '',
  supportGroupId: 'workplace',
  locationId: '',
  asset: undefined,
  version: 1,
  createdAt: undefined,
  updatedAt: undefined,
};

describe('cmdb events', () => {
  it('travel on itsm.cmdb.v1', () => {
    expect(new Set(Object.values(cmdbEvents).map(({ topic }) => topic))).toEqual(
      new Set([Topics.cmdb]),
    );
    expect(Topics.cmdb).toBe('itsm.cmdb.v1');
  });

  it('carry the item in proto3 JSON', () => {
    const json = CiCreated.toJson({ item, changes: [], actorId: 'admin-1' }) as {
      item: { status: string };
    };
    expect(json.item.status).toBe('CI_STATUS_ACTIVE');
    expect(CiCreated.fromJson(json).item?.name).toBe('LT-0042');
  });

  it.each([
    [
      'an item without a type',
      () => CiCreated.toJson({ item: { ...item, typeKey: '' }, changes: [], actorId: '' }),
      CiCreated,
      'item.typeKey is empty',
    ],
    [
      'a relationship without a type',
      () =>
        CiRelationshipCreated.toJson({
          relationship: {
            id: 'r',
            sourceId: 'a',
            targetId: 'b',
            type: RelationshipType.RELATIONSHIP_TYPE_UNSPECIFIED,
            createdAt: undefined,
            createdBy: '',
          },
          actorId: '',
        }),
      CiRelationshipCreated,
      'relationship.type is unspecified',
    ],
    [
      'a movement without a kind',
      () => AssetMoved.toJson({ item, movement: undefined }),
      AssetMoved,
      'movement is missing',
    ],
  ])('refuse %s', (_case, json, eventType, problem) => {
    expect(() => (eventType as typeof CiCreated).fromJson(json())).toThrow(problem);
  });
});

describe('the AsyncAPI document', () => {
  it('describes every routing event type on the itsm.cmdb.v1 channel', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(cmdbEvents).map((eventType) => eventType.type);
    expect(eventTypes).toHaveLength(7);
    expect(document).toContain(`address: ${Topics.cmdb}\n`);
    expect(eventTypes.filter((type) => !document.includes(`name: ${type}\n`))).toEqual([]);
  });
});
