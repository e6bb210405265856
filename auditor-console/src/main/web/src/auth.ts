// Who is signed in: the bearer token, its principal and roles, and the OIDC authorization code flow with PKCE.

export const ALLOWED_ROLES = ['AUDITOR', 'SUPPORT_MANAGER'] as const;

export interface Identity {
  principal: string;
  roles: string[];
  expiresAt: Date | null;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Reads the token's claims as the services do (principal = preferred_username, else sub; roles =
 * the roles claim). The page does not check the signature: every service does, on every call.
 */
export function identityOf(token: string, rolesClaim = 'roles'): Identity {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    throw new Error('This is not a JWT: it should have three parts separated by dots.');
  }
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    throw new Error('The token’s claims cannot be read.');
  }
  const rawRoles = claims[rolesClaim];
  const roles = Array.isArray(rawRoles) ? rawRoles.map(String) : typeof rawRoles === 'string' ? [rawRoles] : [];
  const principal = String(claims['preferred_username'] ?? claims['sub'] ?? 'unknown');
  const exp = typeof claims['exp'] === 'number' ? new Date((claims['exp'] as number) * 1000) : null;
  return { principal, roles, expiresAt: exp };
}

/** The role the console acts in, or null when none of the caller's roles may read the audit trail. */
export function auditRole(identity: Identity): string | null {
  return ALLOWED_ROLES.find((role) => identity.roles.includes(role)) ?? null;
}

export function isExpired(identity: Identity, now = new Date()): boolean {
  return identity.expiresAt !== null && identity.expiresAt.getTime() <= now.getTime();
}

const TOKEN_KEY = 'auditor-console.token';
const PKCE_KEY = 'auditor-console.pkce';

// sessionStorage: the token lives as long as the tab, and never in a cookie the services would accept.
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

function randomString(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The identity provider’s discovery document answered ${response.status}.`);
  }
  return response.json();
}

function redirectUri(): string {
  return `${location.origin}/console/`;
}

/** Step 1: to the identity provider, with a fresh PKCE verifier and state kept for step 2. */
export async function startSignIn(oidc: { issuer: string; clientId: string; scope: string }): Promise<void> {
  const discovery = await discover(oidc.issuer);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Step 2: back from the identity provider with a code: exchange it for the access token. */
export async function completeSignIn(oidc: { issuer: string; clientId: string }, params: URLSearchParams): Promise<string> {
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PKCE_KEY);
  if (params.get('error')) {
    throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') ?? params.get('error')}`);
  }
  if (!saved || saved.state !== params.get('state')) {
    throw new Error('The sign-in answer does not match the sign-in this page started. Sign in again.');
  }
  const discovery = await discover(oidc.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The identity provider did not issue a token (${response.status}).`);
  }
  const tokens = (await response.json()) as { access_token: string };
  return tokens.access_token;
}
