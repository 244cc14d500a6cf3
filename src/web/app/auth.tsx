import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken, setUnauthenticatedHandler } from './api';
import type { Permission, SessionReply, SessionUser } from './types';

type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'signedOut'; user: null; expired: boolean }
  | { status: 'signedIn'; user: SessionUser };

interface AuthContextValue {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** Takes a fresh `{ user, csrfToken }` reply, e.g. after a password change. */
  acceptSession: (reply: SessionReply) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });

  const acceptSession = useCallback((reply: SessionReply) => {
    setCsrfToken(reply.csrfToken);
    setState({ status: 'signedIn', user: reply.user });
  }, []);

  const endSession = useCallback(
    (expired: boolean) => {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'signedOut', user: null, expired });
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => endSession(true));
    const controller = new AbortController();
    apiRequest<SessionReply>('GET', '/api/auth/me', { ignoreUnauthenticated: true, signal: controller.signal })
      .then(acceptSession)
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        // 401 is the ordinary "not signed in"; any other failure also leads to the sign-in page,
        // which shows its own errors when the user tries.
        setState({ status: 'signedOut', user: null, expired: false });
      });
    return () => {
      controller.abort();
      setUnauthenticatedHandler(null);
    };
  }, [acceptSession, endSession]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const reply = await apiRequest<SessionReply>('POST', '/api/auth/login', {
        body: { username, password },
        ignoreUnauthenticated: true,
      });
      queryClient.clear();
      acceptSession(reply);
      return reply.user;
    },
    [acceptSession, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiRequest<void>('POST', '/api/auth/logout', { ignoreUnauthenticated: true });
    } finally {
      endSession(false);
    }
  }, [endSession]);

  const value = useMemo(() => ({ state, signIn, signOut, acceptSession }), [state, signIn, signOut, acceptSession]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useUser needs a signed-in user');
  return state.user;
}

export function hasPermission(user: SessionUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}
