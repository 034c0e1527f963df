import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../app/runtime-config';
import { principalOf, type Principal } from './principal';

/** Where the identity provider sends the browser back after sign-in. */
export const SIGN_IN_CALLBACK_PATH = '/masuk/selesai';

export interface Auth {
  /** undefined while the stored session is being read. */
  status: 'loading' | 'signed-out' | 'signed-in' | 'no-role';
  principal?: Principal;
  /** Sends the browser to the sign-in page; comes back to `returnTo`. */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  /** The current access token, renewed when it is about to expire; undefined when signed out. */
  accessToken(): Promise<string | undefined>;
  /** The sign-in callback: exchanges the code for tokens and returns where to go next. */
  completeSignIn(): Promise<string>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function createUserManager(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: `${origin}${SIGN_IN_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    // The session ends with the tab; tokens are renewed with the refresh token, without frames.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  });
}

export function AuthProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const manager = useMemo(() => createUserManager(config), [config]);
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    void manager.getUser().then((stored) => alive && setUser(stored && !stored.expired ? stored : null));
    const loaded = (next: User) => setUser(next);
    const gone = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    return () => {
      alive = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager]);

  const signIn = useCallback(
    (returnTo = window.location.pathname + window.location.search) => manager.signinRedirect({ state: { returnTo } }),
    [manager],
  );
  const signOut = useCallback(async () => {
    const current = await manager.getUser();
    await manager.removeUser();
    await manager.signoutRedirect({ id_token_hint: current?.id_token });
  }, [manager]);
  const accessToken = useCallback(async () => {
    const current = await manager.getUser();
    if (!current) return undefined;
    if ((current.expires_in ?? 0) > 30) return current.access_token;
    const renewed = await manager.signinSilent().catch(() => null);
    return renewed?.access_token;
  }, [manager]);
  const completeSignIn = useCallback(async () => {
    const signedIn = await manager.signinRedirectCallback();
    setUser(signedIn);
    const state = signedIn.state as { returnTo?: string } | undefined;
    return state?.returnTo && state.returnTo.startsWith('/') && !state.returnTo.startsWith(SIGN_IN_CALLBACK_PATH) ? state.returnTo : '/';
  }, [manager]);

  const principal = useMemo(() => (user ? principalOf(user.access_token) : undefined), [user]);
  const status: Auth['status'] = user === undefined ? 'loading' : user === null ? 'signed-out' : principal ? 'signed-in' : 'no-role';
  const auth = useMemo<Auth>(
    () => ({ status, principal, signIn, signOut, accessToken, completeSignIn }),
    [status, principal, signIn, signOut, accessToken, completeSignIn],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
