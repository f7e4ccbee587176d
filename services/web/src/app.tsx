import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AdminLayout } from './admin/admin-layout';
import { CalendarEditorPage } from './admin/calendar-editor';
import { CatalogAdminPage, CatalogItemPreviewPage } from './admin/catalog-admin-page';
import { DeliveriesPage } from './admin/deliveries-page';
import { RoutingPage } from './admin/routing-page';
import { SlaPage } from './admin/sla-page';
import { TemplateEditorPage, TemplatesPage } from './admin/templates-page';
import { TriggersPage } from './admin/triggers-page';
import { WebhooksPage } from './admin/webhooks-page';
import { SessionProvider, useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { ConsolePage } from './console/console-page';
import { ConsoleTicketPage } from './console/console-ticket-page';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LiveEventsProvider } from './live/live-events';
import { CatalogItemPage } from './portal/catalog-item-page';
import { CatalogPage } from './portal/catalog-page';
import { KnowledgeArticlePage } from './portal/knowledge-article-page';
import { KnowledgePage } from './portal/knowledge-page';
import { MyTicketsPage } from './portal/my-tickets-page';
import { PortalTicketPage } from './portal/portal-ticket-page';
import { ReportProblemPage } from './portal/report-problem-page';
import { EmptyState, Spinner, ToastProvider } from './ui/feedback';
import { AppLayout } from './ui/layout';

// Charts are a large library only supervisors need: loaded when the dashboard opens.
const DashboardPage = lazy(() => import('./dashboard/dashboard-page'));

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <EmptyState
        title={t('error.notFound')}
        text={t('error.notFoundText')}
        action={
          <Link className="button button--primary" to="/">
            {t('error.goHome')}
          </Link>
        }
      />
    </div>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <div className="page">
      <EmptyState
        title={t('error.forbidden')}
        action={
          <Link className="button button--primary" to="/">
            {t('error.goHome')}
          </Link>
        }
      />
    </div>
  );
}

/** Shows a page only to those whose roles reach it. */
function Guard({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return allowed ? children : <Forbidden />;
}

function SignedInRoutes() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  const { access } = state;
  return (
    <LiveEventsProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route
            index
            element={<Navigate to={access.console ? '/console' : '/portal'} replace />}
          />
          <Route path="sign-in" element={<Navigate to="/" replace />} />
          <Route
            path="portal"
            element={
              <Guard allowed={access.portal}>
                <CatalogPage />
              </Guard>
            }
          />
          <Route
            path="portal/catalog/:itemId"
            element={
              <Guard allowed={access.portal}>
                <CatalogItemPage />
              </Guard>
            }
          />
          <Route
            path="portal/knowledge"
            element={
              <Guard allowed={access.portal}>
                <KnowledgePage />
              </Guard>
            }
          />
          <Route
            path="portal/knowledge/:articleId"
            element={
              <Guard allowed={access.portal}>
                <KnowledgeArticlePage />
              </Guard>
            }
          />
          <Route
            path="portal/report"
            element={
              <Guard allowed={access.portal}>
                <ReportProblemPage />
              </Guard>
            }
          />
          <Route
            path="portal/tickets"
            element={
              <Guard allowed={access.portal}>
                <MyTicketsPage />
              </Guard>
            }
          />
          <Route path="portal/tickets/:ticketId" element={<PortalTicketPage />} />
          <Route
            path="console"
            element={
              <Guard allowed={access.console}>
                <ConsolePage />
              </Guard>
            }
          />
          <Route
            path="console/tickets/:ticketId"
            element={
              <Guard allowed={access.console}>
                <ConsoleTicketPage />
              </Guard>
            }
          />
          <Route
            path="dashboard"
            element={
              <Guard allowed={access.dashboard}>
                <Suspense fallback={<Spinner />}>
                  <DashboardPage />
                </Suspense>
              </Guard>
            }
          />
          <Route
            path="admin"
            element={
              <Guard allowed={access.admin}>
                <AdminLayout />
              </Guard>
            }
          >
            <Route index element={<Navigate to="templates" replace />} />
            <Route path="templates" element={<TemplatesPage />} />
            <Route path="templates/:key/:locale" element={<TemplateEditorPage />} />
            <Route path="triggers" element={<TriggersPage />} />
            <Route path="sla" element={<SlaPage />} />
            <Route path="sla/calendars/:id" element={<CalendarEditorPage />} />
            <Route path="routing" element={<RoutingPage />} />
            <Route path="catalog" element={<CatalogAdminPage />} />
            <Route path="catalog/:itemId" element={<CatalogItemPreviewPage />} />
            <Route
              path="webhooks"
              element={
                <Guard allowed={access.webhooks}>
                  <WebhooksPage />
                </Guard>
              }
            />
            <Route path="deliveries" element={<DeliveriesPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </LiveEventsProvider>
  );
}

/** Everything behind sign-in: the session decides, and a deep link survives signing in. */
function Root() {
  const { state } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'restoring':
      return (
        <div className="splash">
          <Spinner />
        </div>
      );
    case 'signed-out':
      return location.pathname === '/sign-in' ? (
        <SignInPage />
      ) : (
        <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
      );
    case 'signed-in': {
      const from = (location.state as { from?: string } | null)?.from;
      if (location.pathname === '/sign-in' && from) return <Navigate to={from} replace />;
      return <SignedInRoutes />;
    }
    default:
      return state satisfies never;
  }
}

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <BrowserRouter>
            <Root />
          </BrowserRouter>
        </SessionProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
