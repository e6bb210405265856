import { describe, expect, it } from 'vitest';
import { auditRole, base64UrlEncode, codeChallenge, identityOf, isExpired } from './auth';

function token(claims: object): string {
  const part = (o: object) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(o)));
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('identityOf', () => {
  it('reads the principal and roles as the services do', () => {
    const identity = identityOf(token({ sub: 'x', preferred_username: 'alex.auditor', roles: ['AUDITOR'], exp: 2000000000 }));
    expect(identity.principal).toBe('alex.auditor');
    expect(identity.roles).toEqual(['AUDITOR']);
    expect(identity.expiresAt?.toISOString()).toBe('2033-05-18T03:33:20.000Z');
  });

  it('falls back to sub and reads a configured roles claim', () => {
    const identity = identityOf(token({ sub: 'sam', groups: ['SUPPORT_MANAGER'] }), 'groups');
    expect(identity.principal).toBe('sam');
    expect(auditRole(identity)).toBe('SUPPORT_MANAGER');
  });

  it('refuses what is not a JWT', () => {
    expect(() => identityOf('not a token')).toThrow(/three parts/);
  });
});

describe('auditRole', () => {
  it('lets auditors and Support Managers in, nobody else', () => {
    expect(auditRole({ principal: 'a', roles: ['CSM', 'AUDITOR'], expiresAt: null })).toBe('AUDITOR');
    expect(auditRole({ principal: 'c', roles: ['CSM', 'SENIOR_SUPPORT_ENGINEER'], expiresAt: null })).toBeNull();
  });
});

describe('isExpired', () => {
  it('compares the expiry with now', () => {
    const identity = { principal: 'a', roles: [], expiresAt: new Date('2026-01-01T00:00:00Z') };
    expect(isExpired(identity, new Date('2025-12-31T23:59:59Z'))).toBe(false);
    expect(isExpired(identity, new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('codeChallenge', () => {
  it('is the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
