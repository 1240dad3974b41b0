/**
 * The signed-in session: the bearer token and who it belongs to. It lives in memory and in this
 * tab's sessionStorage only (council PCs are shared: never localStorage), so a reload keeps it and
 * closing the tab ends it.
 */
export interface SessionUser {
  id: string;
  email: string;
  role: 'placement_officer' | 'provider_user' | 'commissioner' | 'admin';
  localAuthorityCode?: string;
  providerId?: string;
  allianceId?: string;
  displayName?: string;
  phone?: string;
  /** Set after an admin reset the password: the app keeps them on "Change your password" until they do. */
  mustChangePassword?: boolean;
}

export interface Session {
  token: string;
  /** Epoch milliseconds at which the api stops accepting the token. */
  expiresAt: number;
  user: SessionUser;
}

const STORAGE_KEY = 'placements.session';
type Listener = () => void;

let current: Session | null = read();
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return parsed.expiresAt > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

function publish(next: Session | null) {
  current = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export const session = {
  get: (): Session | null => current,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(token: string, expiresInSeconds: number, user: SessionUser) {
    publish({ token, expiresAt: Date.now() + expiresInSeconds * 1000, user });
  },
  /** The same token for the same user, whose details changed (a new password chosen). */
  updateUser(user: SessionUser) {
    if (current) publish({ ...current, user });
  },
  /**
   * Ends the token but remembers whose it was, so the page can ask the same person to sign in
   * again without losing what they were doing.
   */
  expire() {
    if (!current) return;
    lastUser = current.user;
    publish(null);
  },
  end() {
    lastUser = null;
    publish(null);
  },
  /** The user whose token expired in this tab, if any: the re-sign-in dialog offers their email. */
  expiredUser: (): SessionUser | null => lastUser,
};

let lastUser: SessionUser | null = null;
