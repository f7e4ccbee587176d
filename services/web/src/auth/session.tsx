import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiClient } from '../api/client';
import { type Endpoints, endpoints } from '../api/endpoints';
import type { Me, Role } from '../api/types';
import { useI18n } from '../i18n/i18n';

const CONSOLE_ROLES: readonly Role[] = [
  'agent',
  'specialist',
  'supervisor',
  'service_desk_manager',
  'administrator',
];

const ADMIN_ROLES: readonly Role[] = ['service_desk_manager', 'administrator'];

/** What the signed-in person may reach in the app, from their roles and permissions. */
export interface Access {
  portal: boolean;
  console: boolean;
  dashboard: boolean;
  /** Reads SLA clocks (agents and up). */
  sla: boolean;
  internalNotes: boolean;
  /** The admin area: service desk managers and administrators. */
  admin: boolean;
  /** Webhook subscriptions send events outside: administrators only. */
  webhooks: boolean;
  /** In-app notifications (people, not service accounts). */
  notifications: boolean;
  /** Changes many tickets at once from the console list. */
  bulk: boolean;
}

export function accessOf(me: Pick<Me, 'roles' | 'permissions'>): Access {
  const can = (permission: string) => me.permissions.includes(permission);
  return {
    portal: can('tickets.create') || can('catalog.read'),
    console: me.roles.some((role) => CONSOLE_ROLES.includes(role)) && can('tickets.work'),
    dashboard: can('sla.report'),
    sla: can('sla.read'),
    internalNotes: can('tickets.note'),
    admin: me.roles.some((role) => ADMIN_ROLES.includes(role)),
    webhooks: can('webhooks.manage'),
    notifications: can('notifications.read_own'),
    bulk: can('tickets.bulk'),
  };
}

type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; me: Me; access: Access };

interface Session {
  state: SessionState;
  api: ApiClient;
  call: Endpoints;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setPreferredTimeZone } = useI18n();
  const api = useMemo(() => new ApiClient(sessionStorage), []);
  const call = useMemo(() => endpoints(api), [api]);
  const [state, setState] = useState<SessionState>(() =>
    api.hasStoredSession() ? { status: 'restoring' } : { status: 'signed-out', expired: false },
  );

  const enter = useCallback(async () => {
    const me = await call.me();
    setPreferredTimeZone(me.timeZone);
    setState({ status: 'signed-in', me, access: accessOf(me) });
  }, [call, setPreferredTimeZone]);

  useEffect(() => {
    api.onSignedOut(() => setState({ status: 'signed-out', expired: true }));
    if (!api.hasStoredSession()) return;
    void (async () => {
      try {
        if (await api.resume()) await enter();
        else setState({ status: 'signed-out', expired: false });
      } catch {
        setState({ status: 'signed-out', expired: false });
      }
    })();
  }, [api, enter]);

  const value = useMemo<Session>(
    () => ({
      state,
      api,
      call,
      signIn: async (email, password) => {
        await api.signIn(email, password);
        await enter();
      },
      signOut: async () => {
        await api.signOut();
        setPreferredTimeZone(null);
        setState({ status: 'signed-out', expired: false });
      },
    }),
    [state, api, call, enter, setPreferredTimeZone],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in person; only under routes that require a session. */
export function useMe(): { me: Me; access: Access; call: Endpoints; api: ApiClient } {
  const { state, call, api } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return { me: state.me, access: state.access, call, api };
}
