import { InventoryClosed } from '@itsm/contracts';
import type { AssetState } from '../../domain/asset-lifecycle';
import {
  CmdbError,
  CmdbErrorCode,
  type FieldViolation,
  throwIfInvalid,
} from '../../domain/cmdb-error';
import { INVENTORY_NUMBER_MAX_LENGTH } from '../../domain/configuration-item';
import { normaliseInventoryNumber, reconcileInventory } from '../../domain/inventory';
import { type CampaignView, toCampaignMessage } from '../cmdb-message.mapper';
import type { Clock, IdGenerator } from '../ports/clock';
import type { CmdbStore, CmdbTransactions, StoredCampaign } from '../ports/cmdb-store';
import { actorOf, notFound, requireUuid } from '../references';

/** Assets an inventory expects to find where the CMDB has them: not those ordered or gone. */
export const COUNTED_STATES: readonly AssetState[] = ['in_stock', 'in_use', 'in_repair'];
export const CAMPAIGN_NAME_MAX_LENGTH = 200;
export const MAX_SCANS_PER_REQUEST = 10_000;

export interface OpenInventoryCommand {
  name: string;
  locationId: string;
  actorId: string;
}

function scanViolations(numbers: readonly string[]): FieldViolation[] {
  if (numbers.length > MAX_SCANS_PER_REQUEST) {
    return [
      {
        field: 'inventoryNumbers',
        message: `at most ${MAX_SCANS_PER_REQUEST} numbers per request`,
      },
    ];
  }
  return numbers.flatMap((number, index) =>
    number.trim().length > INVENTORY_NUMBER_MAX_LENGTH
      ? [
          {
            field: `inventoryNumbers[${index}]`,
            message: `an inventory number has at most ${INVENTORY_NUMBER_MAX_LENGTH} characters`,
          },
        ]
      : [],
  );
}

/**
 * Inventory campaigns (инвентаризация): what the CMDB has at a location when the campaign opens,
 * against the numbers people scan there. Open campaigns reconcile live; closing freezes the
 * discrepancies and announces them.
 */
export class InventoryUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async open(command: OpenInventoryCommand): Promise<CampaignView> {
    const actorId = actorOf(command.actorId);
    const name = command.name.trim();
    throwIfInvalid('the inventory is invalid', [
      ...(name.length === 0 ? [{ field: 'name', message: 'name is required' }] : []),
      ...(name.length > CAMPAIGN_NAME_MAX_LENGTH
        ? [
            {
              field: 'name',
              message: `name must be at most ${CAMPAIGN_NAME_MAX_LENGTH} characters`,
            },
          ]
        : []),
    ]);
    requireUuid('location', command.locationId);
    return this.transactions.run(async (store) => {
      if (!(await store.location(command.locationId)))
        throw notFound('location', command.locationId);
      const campaign: StoredCampaign = {
        id: this.ids.newId(),
        name,
        locationId: command.locationId,
        status: 'open',
        expected: 0,
        closing: null,
        openedBy: actorId,
        openedAt: this.clock.now(),
        closedBy: null,
        closedAt: null,
      };
      await store.insertCampaign(campaign);
      campaign.expected = await store.snapshotExpectedAssets(
        campaign.id,
        campaign.locationId,
        COUNTED_STATES,
      );
      await store.saveCampaign(campaign);
      return this.view(store, campaign);
    });
  }

  /** Scanning a number twice counts once; numbers are compared in upper case without spaces around. */
  async recordScan(
    campaignId: string,
    numbers: string[],
    actorIdGiven: string,
  ): Promise<CampaignView> {
    requireUuid('inventory campaign', campaignId);
    const actorId = actorOf(actorIdGiven);
    throwIfInvalid('the scan is invalid', scanViolations(numbers));
    return this.transactions.run(async (store) => {
      // Locked, so a scan and the closing of the campaign never cross.
      const campaign = await this.campaign(store, campaignId, 'update');
      this.requireOpen(campaign);
      const normalised = [
        ...new Set(numbers.map(normaliseInventoryNumber).filter((number) => number.length > 0)),
      ];
      if (normalised.length > 0) {
        await store.recordScans(campaign.id, normalised, actorId, this.clock.now());
      }
      return this.view(store, campaign);
    });
  }

  async get(campaignId: string): Promise<CampaignView> {
    requireUuid('inventory campaign', campaignId);
    const store = this.transactions.reader();
    return this.view(store, await this.campaign(store, campaignId));
  }

  async close(campaignId: string, actorIdGiven: string): Promise<CampaignView> {
    requireUuid('inventory campaign', campaignId);
    const actorId = actorOf(actorIdGiven);
    return this.transactions.run(async (store) => {
      const campaign = await this.campaign(store, campaignId, 'update');
      this.requireOpen(campaign);
      const live = await this.view(store, campaign);
      const closedAt = this.clock.now();
      const closed: StoredCampaign = {
        ...campaign,
        status: 'closed',
        closing: { found: live.found, discrepancies: live.discrepancies },
        closedBy: actorId,
        closedAt,
      };
      await store.saveCampaign(closed);
      const view: CampaignView = { ...live, campaign: closed };
      await store.emit(InventoryClosed, {
        key: closed.id,
        subject: closed.name,
        payload: { campaign: toCampaignMessage(view) },
        occurredAt: closedAt,
      });
      return view;
    });
  }

  private async campaign(store: CmdbStore, id: string, lock?: 'update'): Promise<StoredCampaign> {
    const campaign = await store.campaign(id, lock);
    if (!campaign) throw notFound('inventory campaign', id);
    return campaign;
  }

  private requireOpen(campaign: StoredCampaign): void {
    if (campaign.status !== 'open') {
      throw new CmdbError(
        CmdbErrorCode.FailedPrecondition,
        `the inventory ${campaign.name} is closed`,
        [],
        { closedAt: campaign.closedAt?.toISOString() ?? null },
      );
    }
  }

  /** Frozen once closed; reconciled from the snapshot and the scans while open. */
  private async view(store: CmdbStore, campaign: StoredCampaign): Promise<CampaignView> {
    if (campaign.closing) return { campaign, ...campaign.closing };
    const expected = await store.expectedAssets(campaign.id);
    const scanned = await store.scannedNumbers(campaign.id);
    const expectedNumbers = new Set(
      expected.map(({ inventoryNumber }) => normaliseInventoryNumber(inventoryNumber)),
    );
    const elsewhere = await store.assetsByInventoryNumber(
      scanned.filter((number) => !expectedNumbers.has(number)),
    );
    const { found, discrepancies } = reconcileInventory(expected, scanned, elsewhere);
    return { campaign, found, discrepancies };
  }
}
