import { describe, expect, it } from 'vitest';
import { keys } from './keys.ts';

describe('keys', () => {
  it('prefixes every partition key with its entity type', () => {
    expect(keys.user('01J')).toEqual({ pk: 'USER#01J', sk: 'PROFILE' });
    expect(keys.session('abc')).toEqual({ pk: 'SESSION#abc', sk: 'SESSION' });
    expect(keys.rateLimit('login-ip', '1.2.3.4')).toEqual({ pk: 'RATE#login-ip#1.2.3.4', sk: 'WINDOW' });
    expect(keys.outbox('01K')).toEqual({ pk: 'OUTBOX', sk: 'MAIL#01K' });
    expect(keys.uploadIntent('01K')).toEqual({ pk: 'UPLOAD#01K', sk: 'INTENT' });
  });

  it('folds e-mail case so Aida@x and aida@x are one account', () => {
    expect(keys.email('Aida@Example.KG')).toEqual(keys.email('aida@example.kg'));
  });

  it('keeps all current rates in one partition and each currency’s history in its own', () => {
    expect(keys.rate('USD')).toEqual({ pk: 'RATE', sk: 'CURRENCY#USD' });
    expect(keys.rateHistory('USD', '2026-11-21T09:00:00.000Z', '01K')).toEqual({ pk: 'RATE#USD', sk: 'AT#2026-11-21T09:00:00.000Z#01K' });
    // Login windows are `RATE#<scope>#<subject>` / `WINDOW`: a three-letter code never clashes with them.
    expect(keys.rateHistory('USD', 'x', 'y').pk).not.toBe(keys.rateLimit('login-ip', 'USD').pk);
  });

  it('groups sessions of one user under a GSI1 partition', () => {
    expect(keys.sessionsOfUser('01J')).toEqual({ gsi1pk: 'USER#01J#SESSIONS' });
  });
});
