import { describe, expect, it } from 'vitest';
import { checkPledge, emptyPledgeValues, pledgeFieldOf, pledgeWindow } from './pledge-form.ts';
import { kgsMinorAt, rateLine } from './rates.ts';

const published = {
  status: 'published',
  fundingMode: 'flexible',
  deadlineIso: '2026-06-30',
} as const;

describe('pledgeWindow', () => {
  it('takes pledges while published, up to and including the deadline day (Bishkek)', () => {
    expect(pledgeWindow(published, '2026-06-30')).toEqual({ isOpen: true });
    expect(pledgeWindow(published, '2026-07-01')).toEqual({ isOpen: false, reason: 'deadline' });
  });

  it('takes pledges on a funded all-or-nothing project, not on a funded flexible one', () => {
    expect(
      pledgeWindow({ ...published, status: 'funded', fundingMode: 'all_or_nothing' }, '2026-06-01')
        .isOpen,
    ).toBe(true);
    expect(pledgeWindow({ ...published, status: 'funded' }, '2026-06-01')).toEqual({
      isOpen: false,
      reason: 'funded',
    });
  });

  it.each(['draft', 'submitted', 'cancelled', 'rejected'] as const)('is closed for %s', (status) =>
    expect(pledgeWindow({ ...published, status }, '2026-06-01')).toEqual({
      isOpen: false,
      reason: 'other',
    }),
  );
  it('says "deadline" for an expired project', () =>
    expect(pledgeWindow({ ...published, status: 'expired' }, '2026-06-01')).toEqual({
      isOpen: false,
      reason: 'deadline',
    }));
});

describe('checkPledge', () => {
  const visitor = { ...emptyPledgeValues(), email: 'aida@example.com' };

  it('takes the typed amount over the preset, exactly in minor units', () => {
    const checked = checkPledge(
      { ...visitor, currency: 'USD', preset: 'USD:25', amount: '25,50' },
      false,
      'en',
    );
    expect(checked.ok && checked.input.amount).toEqual({ value: 2550, currency: 'USD' });
  });

  it('takes the preset when nothing is typed', () => {
    const checked = checkPledge({ ...visitor, preset: 'KGS:1000' }, false, 'en');
    expect(checked.ok && checked.input.amount).toEqual({ value: 100_000, currency: 'KGS' });
  });

  it('refuses a preset of another currency than the chosen one (no JavaScript swapped them)', () => {
    const checked = checkPledge({ ...visitor, currency: 'USD', preset: 'KGS:500' }, false, 'en');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors.issues)).toEqual(['amount']);
  });

  it("asks a visitor for the e-mail but not a member, and drops a member's name and e-mail", () => {
    const noEmail = checkPledge({ ...visitor, email: '', preset: 'KGS:500' }, false, 'en');
    expect(!noEmail.ok && noEmail.errors.issues.email).toBeTruthy();
    const member = checkPledge(
      { ...visitor, displayName: 'X', preset: 'KGS:500', message: '  ' },
      true,
      'en',
    );
    expect(member.ok && member.input).toMatchObject({
      email: undefined,
      displayName: undefined,
      message: undefined,
    });
  });

  it.each(['0', '-5', '1.234', 'abc'])('refuses the amount %j', (amount) => {
    const checked = checkPledge({ ...visitor, amount }, false, 'en');
    expect(!checked.ok && checked.errors.issues.amount).toBeTruthy();
  });

  it('maps the API paths to the form fields', () => {
    expect(['amount.value', 'amount.currency', 'email'].map(pledgeFieldOf)).toEqual([
      'amount',
      'currency',
      'email',
    ]);
  });
});

describe('rates', () => {
  it('converts minor units at a decimal rate without floating point, rounding half up', () => {
    expect(kgsMinorAt(2550, '87.4500')).toBe(222_998);
    expect(kgsMinorAt(100, '0.1723')).toBe(17);
    expect(kgsMinorAt(1, '0.5')).toBe(1);
    expect(kgsMinorAt(100, 'x')).toBeNull();
  });

  it('writes the no-JavaScript rate line, per 100 for currencies worth less than a som', () => {
    expect(rateLine({ currency: 'USD', kgsPerUnit: '87.45' }, 'en')).toBe(
      '1\u00a0USD ≈ 87.45\u00a0som',
    );
    expect(rateLine({ currency: 'KZT', kgsPerUnit: '0.1723' }, 'en')).toBe(
      '100\u00a0KZT ≈ 17.23\u00a0som',
    );
  });
});
