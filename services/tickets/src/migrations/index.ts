import { CreateTickets1764230400000 } from './1764230400000-create-tickets';
import { CreateOutboxAndInbox1764230400001 } from './1764230400001-create-outbox-and-inbox';
import { AddTicketLifecycleFields1764403200000 } from './1764403200000-add-ticket-lifecycle-fields';
import { AddTicketSearchVector1764489600000 } from './1764489600000-add-ticket-search-vector';
import { CreateTicketComments1764576000000 } from './1764576000000-create-ticket-comments';
import { AddTicketPriorityReason1764662400000 } from './1764662400000-add-ticket-priority-reason';
import { AddTicketSortOrders1764748800000 } from './1764748800000-add-ticket-sort-orders';
import { AddProblemsAndChanges1764835200000 } from './1764835200000-add-problems-and-changes';
import { CreateTicketRelations1764921600000 } from './1764921600000-create-ticket-relations';
import { AddTicketTagsWatchersSatisfaction1765008000000 } from './1765008000000-add-ticket-tags-watchers-satisfaction';
import { CreateServiceCatalog1765094400000 } from './1765094400000-create-service-catalog';
import { AddTicketReportedAt1765180800000 } from './1765180800000-add-ticket-reported-at';
import { CreateSavedViews1765267200000 } from './1765267200000-create-saved-views';
import { CreatePriorityMatrix1765353600000 } from './1765353600000-create-priority-matrix';
import { CreateTicketAttachments1765440000000 } from './1765440000000-create-ticket-attachments';
import { AddServiceDeskReportIndexes1765526400000 } from './1765526400000-add-service-desk-report-indexes';
import { AddCatalogItemVersions1765612800000 } from './1765612800000-add-catalog-item-versions';

/** In order; listed explicitly so the bundle carries them. */
export const ticketsMigrations = [
  CreateTickets1764230400000,
  CreateOutboxAndInbox1764230400001,
  AddTicketLifecycleFields1764403200000,
  AddTicketSearchVector1764489600000,
  CreateTicketComments1764576000000,
  AddTicketPriorityReason1764662400000,
  AddTicketSortOrders1764748800000,
  AddProblemsAndChanges1764835200000,
  CreateTicketRelations1764921600000,
  AddTicketTagsWatchersSatisfaction1765008000000,
  CreateServiceCatalog1765094400000,
  AddTicketReportedAt1765180800000,
  CreateSavedViews1765267200000,
  CreatePriorityMatrix1765353600000,
  CreateTicketAttachments1765440000000,
  AddServiceDeskReportIndexes1765526400000,
  AddCatalogItemVersions1765612800000,
];
