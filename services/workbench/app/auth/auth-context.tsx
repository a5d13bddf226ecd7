import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { ApiClient } from '../api/api-client';
import { Person, personFromAccessToken } from './session';

export interface ClientConfig {
  oidcIssuer: string;
  oidcClientId: string;
}

interface AuthState {
  person: Person;
  api: ApiClient;
  signOut(): void;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

export function createUserManager(config: ClientConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/?signedOut=1`,
    response_type: 'code',
    scope: 'openid profile',
    // The access token lasts minutes: renewed in the background with the refresh token.
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'signed-out'; error?: string }
  | { kind: 'signed-in'; user: User };

/**
 * Signs the person in at the identity provider (authorization code with PKCE, by
 * oidc-client-ts), finishes the redirect on /callback, and gives the screens the person and an
 * API client carrying their access token.
 */
export function AuthProvider(props: {
  manager: UserManager;
  children: ReactNode;
  signedOut: (signIn: () => void, error?: string) => ReactNode;
  loading: ReactNode;
}): ReactNode {
  const { manager } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const settle = (next: Phase): void => {
      if (!cancelled) setPhase(next);
    };
    const start = async (): Promise<void> => {
      const url = new URL(window.location.href);
      if (url.pathname === '/callback') {
        const user = await manager.signinRedirectCallback();
        const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
        window.history.replaceState(null, '', returnTo);
        return settle({ kind: 'signed-in', user });
      }
      const user = await manager.getUser();
      if (user && !user.expired) return settle({ kind: 'signed-in', user });
      if (user) {
        const renewed = await manager.signinSilent().catch(() => null);
        if (renewed) return settle({ kind: 'signed-in', user: renewed });
      }
      if (url.searchParams.has('signedOut')) return settle({ kind: 'signed-out' });
      await manager.signinRedirect({ state: { returnTo: url.pathname + url.search } });
    };
    start().catch((err: unknown) =>
      settle({ kind: 'signed-out', error: err instanceof Error ? err.message : String(err) }),
    );
    const onLoaded = (user: User): void => settle({ kind: 'signed-in', user });
    const onSignedOut = (): void => settle({ kind: 'signed-out' });
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserSignedOut(onSignedOut);
    manager.events.addSilentRenewError(() => undefined);
    return () => {
      cancelled = true;
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserSignedOut(onSignedOut);
    };
  }, [manager]);

  const state = useMemo<AuthState | undefined>(() => {
    if (phase.kind !== 'signed-in') return undefined;
    return {
      person: personFromAccessToken(phase.user.access_token),
      api: new ApiClient(async () => (await manager.getUser())?.access_token),
      signOut: () => void manager.signoutRedirect(),
    };
  }, [phase, manager]);

  if (phase.kind === 'loading') return props.loading;
  if (phase.kind === 'signed-out' || !state) {
    const signIn = (): void => void manager.signinRedirect({ state: { returnTo: '/' } });
    return props.signedOut(signIn, phase.kind === 'signed-out' ? phase.error : undefined);
  }
  return <AuthContext.Provider value={state}>{props.children}</AuthContext.Provider>;
}
