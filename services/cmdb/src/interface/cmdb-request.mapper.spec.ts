import {
  AssetState,
  CiStatus,
  DataFormat,
  ImpactDirection,
  ItemDraft,
  RelationshipType,
} from '@itsm/contracts';
import { CmdbErrorCode } from '../domain/cmdb-error';
import {
  ciTypeDraftOf,
  importFormatOf,
  impactDirectionOf,
  itemChangesOf,
  itemFieldsOf,
  relationshipTypeOf,
} from './cmdb-request.mapper';
import { fromPageToken, toPageToken } from './page-token';

const draft = (overrides: Partial<ItemDraft>): ItemDraft => ({
  ...ItemDraft.fromJSON({}),
  ...overrides,
});

describe('cmdb requests into commands', () => {
  it('reads an item draft: trimmed text, absent as null, status active, attributes parsed', () => {
    expect(
      itemFieldsOf(
        draft({
          typeKey: ' Server ',
          name: ' db-01 ',
          externalId: '',
          attributesJson: '{"cpu_cores":8}',
        }),
      ),
    ).toEqual({
      typeKey: 'server',
      name: 'db-01',
      externalId: null,
      attributes: { cpu_cores: 8 },
      status: 'active',
      ownerId: null,
      supportGroupId: null,
      locationId: null,
      asset: null,
    });
  });

  it('reads asset details when any are given, in stock unless a state is named', () => {
    const asset = {
      state: AssetState.ASSET_STATE_UNSPECIFIED,
      inventoryNumber: 'INV-1',
      serialNumber: '',
      holderId: '',
      locationId: '',
      warrantyEnd: '2028-01-31',
      contractEnd: '',
      seats: 0,
    };
    expect(itemFieldsOf(draft({ typeKey: 'laptop', asset })).asset).toEqual({
      state: 'in_stock',
      inventoryNumber: 'INV-1',
      serialNumber: null,
      holderId: null,
      locationId: null,
      warrantyEnd: '2028-01-31',
      contractEnd: null,
      seats: 0,
    });
    expect(
      itemFieldsOf(draft({ asset: { ...asset, inventoryNumber: '', warrantyEnd: '' } })).asset,
    ).toBeNull();
  });

  it('keeps the status and type of an update unless named', () => {
    expect(itemChangesOf(draft({ name: 'x' }))).toMatchObject({ typeKey: null, status: null });
    expect(itemChangesOf(draft({ status: CiStatus.CI_STATUS_RETIRED })).status).toBe('retired');
  });

  it.each([
    () => itemFieldsOf(draft({ attributesJson: '[1]' })),
    () => itemFieldsOf(draft({ attributesJson: '{oops' })),
    () => itemFieldsOf(draft({ status: CiStatus.UNRECOGNIZED })),
    () => itemFieldsOf(undefined),
    () => relationshipTypeOf(RelationshipType.RELATIONSHIP_TYPE_UNSPECIFIED),
    () =>
      ciTypeDraftOf({
        key: 'x',
        nameEn: 'x',
        nameRu: 'x',
        attributeSchemaJson: '"a"',
        asset: false,
        businessService: false,
        licence: false,
      }),
    () => fromPageToken('not a token'),
  ])('refuses what it cannot read (%#)', (read) => {
    expect(read).toThrow(expect.objectContaining({ code: CmdbErrorCode.ValidationFailed }));
  });

  it('reads enums into domain spellings', () => {
    expect(relationshipTypeOf(RelationshipType.RELATIONSHIP_TYPE_USES_LICENCE)).toBe(
      'uses_licence',
    );
    expect(impactDirectionOf(ImpactDirection.IMPACT_DIRECTION_UNSPECIFIED)).toBe('upstream');
    expect(impactDirectionOf(ImpactDirection.IMPACT_DIRECTION_DOWNSTREAM)).toBe('downstream');
    expect(importFormatOf(DataFormat.DATA_FORMAT_UNSPECIFIED, '\uFEFF [{"name": "x"}]')).toBe(
      'json',
    );
    expect(importFormatOf(DataFormat.DATA_FORMAT_UNSPECIFIED, 'name;external_id')).toBe('csv');
    expect(
      ciTypeDraftOf({
        key: 'k',
        nameEn: 'K',
        nameRu: 'К',
        attributeSchemaJson: '',
        asset: false,
        businessService: false,
        licence: false,
      }).attributeSchema,
    ).toEqual({ type: 'object' });
  });

  it('pages by an opaque token that round-trips', () => {
    const after = { name: 'Сервер 1', id: '00000000-0000-7000-8000-000000000001' };
    expect(fromPageToken(toPageToken(after))).toEqual(after);
  });
});
