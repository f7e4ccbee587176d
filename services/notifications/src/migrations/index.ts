import { CreateOutboxAndInbox1798761600000 } from './1798761600000-create-outbox-and-inbox';
import { CreateNotificationTables1798761600001 } from './1798761600001-create-notification-tables';
import { SeedDefaultTriggersAndTemplates1798761600002 } from './1798761600002-seed-default-triggers-and-templates';
import { AddDeliveryTraceContext1798761600003 } from './1798761600003-add-delivery-trace-context';
import { CreateAwaitingRecipients1798761600004 } from './1798761600004-create-awaiting-recipients';

/** In order; listed explicitly so the bundle carries them. */
export const notificationsMigrations = [
  CreateOutboxAndInbox1798761600000,
  CreateNotificationTables1798761600001,
  SeedDefaultTriggersAndTemplates1798761600002,
  AddDeliveryTraceContext1798761600003,
  CreateAwaitingRecipients1798761600004,
];
