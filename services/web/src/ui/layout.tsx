import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import type { Role } from '../api/types';
import { useMe, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/language';
import { bilingual } from '../lib/bilingual';
import { Avatar } from './badges';
import { LogoMark } from './icons';
import { NotificationBell } from './notification-bell';
import { OverflowNav } from './overflow-nav';

/** Roles from least to most senior: the header names the most senior one a person holds. */
const ROLE_RANK: readonly Role[] = [
  'requester',
  'agent',
  'specialist',
  'supervisor',
  'service_desk_manager',
  'administrator',
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="segmented__option"
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {option === 'ru' ? 'RU' : 'EN'}
        </button>
      ))}
    </div>
  );
}

function NavItem({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <NavLink to={to} end={end ?? false} className="nav__link">
      {children}
    </NavLink>
  );
}

/** The frame of every signed-in page: navigation by what the person may reach, main landmark. */
export function AppLayout() {
  const { t, language } = useI18n();
  const { me, access } = useMe();
  const { signOut } = useSession();
  const role = [...ROLE_RANK].reverse().find((candidate) => me.roles.includes(candidate));
  const name = bilingual(me.name, language);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <NavLink to="/" className="brand">
            <LogoMark />
            <span className="brand__name">{t('app.name')}</span>
          </NavLink>
          <OverflowNav label={t('nav.main')}>
            {access.console && <NavItem to="/console">{t('nav.console')}</NavItem>}
            {access.dashboard && <NavItem to="/dashboard">{t('nav.dashboard')}</NavItem>}
            {access.admin && <NavItem to="/admin">{t('nav.admin')}</NavItem>}
            {access.portal && (
              <>
                <NavItem to="/portal" end>
                  {t('nav.catalog')}
                </NavItem>
                <NavItem to="/portal/knowledge">{t('nav.knowledge')}</NavItem>
                <NavItem to="/portal/report">{t('nav.report')}</NavItem>
                <NavItem to="/portal/tickets">{t('nav.myTickets')}</NavItem>
              </>
            )}
          </OverflowNav>
          <div className="header__tools">
            <LanguageSwitch />
            {access.notifications && me.kind === 'user' && <NotificationBell />}
            <div className="user" title={t('nav.you', { name })}>
              <Avatar name={name} />
              <span className="user__text">
                <span className="user__name">{name}</span>
                {role && <span className="user__role">{t(`role.${role}`)}</span>}
              </span>
            </div>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => void signOut()}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions,
  back,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  back?: ReactNode;
}) {
  return (
    <div className="page-header">
      {back}
      <div className="page-header__row">
        <div>
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </div>
  );
}
