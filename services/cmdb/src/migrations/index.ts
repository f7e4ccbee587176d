import { CreateOutboxAndInbox1766880000000 } from './1766880000000-create-outbox-and-inbox';
import { CreateConfigurationItems1766880000001 } from './1766880000001-create-configuration-items';
import { SeedDefaultCiTypes1766880000002 } from './1766880000002-seed-default-ci-types';

/** In order; listed explicitly so the bundle carries them. */
export const cmdbMigrations = [
  CreateOutboxAndInbox1766880000000,
  CreateConfigurationItems1766880000001,
  SeedDefaultCiTypes1766880000002,
];
