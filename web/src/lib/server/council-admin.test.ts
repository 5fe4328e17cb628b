import { describe, expect, it } from 'vitest';
import type { TCouncilPublic } from '@koldoo/shared/contracts/councils.ts';
import { t } from '@koldoo/shared/i18n/index.ts';
import { matchesCouncil, officialErrorsFromApi, readAddOfficial } from './council-admin.ts';

const gulcha: TCouncilPublic = {
  id: 'council-alay-gulcha',
  name: { ky: 'Гүлчө айыл өкмөтү', ru: 'Гульчинский айыл окмоту', en: 'Gulcha ayil okmotu' },
  regionId: 'osh',
  districtId: 'alay',
  ayilAimak: { ru: 'Гульчинский айылный аймак' },
  villages: [{ ky: 'Ак-Босого' }, { en: 'Kosh-Bulak' }],
  status: 'verified',
  isVerified: true,
  createdAt: '2025-01-01T00:00:00.000Z',
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('matchesCouncil', () => {
  it('matches any language of the name, villages, district or region, ignoring case and spaces', () => {
    for (const query of [
      '',
      'gulcha',
      'ГУЛЬЧИН',
      '  гүлчө ',
      'ак-босого',
      'kosh',
      'Alay',
      'Алайский',
      'Ош',
      'council-alay-gulcha',
    ]) {
      expect(matchesCouncil(gulcha, query), query).toBe(true);
    }
  });

  it('does not match other places', () => {
    for (const query of ['Batken', 'Самаркандек', 'gulcha bridge']) {
      expect(matchesCouncil(gulcha, query), query).toBe(false);
    }
  });
});

describe('the add-official form', () => {
  it('reads a trimmed, lower-cased e-mail and a reason', () => {
    expect(
      readAddOfficial(form({ email: ' Aida@Example.com ', reason: 'Letter No. 12' }), 'en'),
    ).toEqual({
      ok: true,
      value: { email: 'aida@example.com', reason: 'Letter No. 12' },
    });
  });

  it('says which field is missing or wrong, keeping what was typed', () => {
    const read = readAddOfficial(form({ email: 'not-an-email', reason: '' }), 'en');
    expect(read).toMatchObject({
      ok: false,
      errors: {
        issues: { email: t('en', 'validation.email'), reason: t('en', 'validation.required') },
      },
      values: { email: 'not-an-email', reason: '' },
    });
  });

  it('puts the API refusals next to the e-mail field', () => {
    const failure = { ok: false as const, status: 400, retryAfter: undefined };
    const unknown = officialErrorsFromApi('ky', {
      ...failure,
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'email', message: 'The person must register first', code: 'unknown_user' }],
    });
    expect(unknown.issues).toEqual({ email: t('ky', 'councilAdmin.unknownEmail') });
    const taken = officialErrorsFromApi('ru', {
      ...failure,
      status: 409,
      code: 'CONFLICT',
      issues: [],
    });
    expect(taken.issues).toEqual({ email: t('ru', 'councilAdmin.alreadyOfficial') });
  });
});
