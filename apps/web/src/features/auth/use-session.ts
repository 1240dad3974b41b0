import { useSyncExternalStore } from 'react';
import { session, type Session } from '../../api/session';

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser() {
  const current = useSession();
  return current?.user ?? session.expiredUser() ?? null;
}
