import { CreateOutboxAndInbox1766793600000 } from './1766793600000-create-outbox-and-inbox';
import { CreateSupportOrganisationRulesAndDecisions1766793600001 } from './1766793600001-create-support-organisation-rules-and-decisions';
import { CompareUserIdsBytewise1766793600002 } from './1766793600002-compare-user-ids-bytewise';
import { KeepAgentLoads1766793600003 } from './1766793600003-keep-agent-loads';
import { KeepLastAssignmentWithLoads1766793600004 } from './1766793600004-keep-last-assignment-with-loads';
import { CountConfigurationChanges1766793600005 } from './1766793600005-count-configuration-changes';

/** In order; listed explicitly so the bundle carries them. */
export const routingMigrations = [
  CreateOutboxAndInbox1766793600000,
  CreateSupportOrganisationRulesAndDecisions1766793600001,
  CompareUserIdsBytewise1766793600002,
  KeepAgentLoads1766793600003,
  KeepLastAssignmentWithLoads1766793600004,
  CountConfigurationChanges1766793600005,
];
