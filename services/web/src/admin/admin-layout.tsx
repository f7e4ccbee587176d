import { NavLink, Outlet } from 'react-router-dom';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

interface Section {
  to: string;
  label: MessageKey;
  adminOnly?: boolean;
}

const SECTIONS: readonly Section[] = [
  { to: 'templates', label: 'admin.nav.templates' },
  { to: 'triggers', label: 'admin.nav.triggers' },
  { to: 'sla', label: 'admin.nav.sla' },
  { to: 'routing', label: 'admin.nav.routing' },
  { to: 'catalog', label: 'admin.nav.catalog' },
  { to: 'webhooks', label: 'admin.nav.webhooks', adminOnly: true },
  { to: 'deliveries', label: 'admin.nav.deliveries' },
];

/** The admin area: its sections on the side, the chosen one beside them. */
export function AdminLayout() {
  const { t } = useI18n();
  const { access } = useMe();
  return (
    <div className="console admin">
      <aside className="queues" aria-labelledby="admin-title">
        <h2 className="queues__title" id="admin-title">
          {t('admin.title')}
        </h2>
        <nav aria-labelledby="admin-title">
          <ul className="queue-list" role="list">
            {SECTIONS.filter((section) => !section.adminOnly || access.webhooks).map((section) => (
              <li key={section.to}>
                <NavLink className="queue" to={section.to}>
                  <span>{t(section.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <section className="console-main admin-main">
        <Outlet />
      </section>
    </div>
  );
}
