import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors.ts';
import { locales } from '../locales.ts';
import { en } from './en.ts';
import { catalogues, errorMessage, placeholdersOf, t } from './index.ts';

const englishKeys = Object.keys(en).sort();

describe.each(locales)('the %s catalogue', (locale) => {
  const catalogue: Record<string, unknown> = catalogues[locale];

  it('has exactly the English keys', () => {
    const keys = Object.keys(catalogue).sort();
    expect(englishKeys.filter((key) => !keys.includes(key)), 'missing keys').toEqual([]);
    expect(keys.filter((key) => !englishKeys.includes(key)), 'extra keys').toEqual([]);
  });

  it('has no empty or blank message', () => {
    const blank = Object.entries(catalogue).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(blank.map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders as English', () => {
    const differing = englishKeys.filter((key) => {
      const message = catalogue[key];
      const english = (en as Record<string, string>)[key] ?? '';
      return typeof message !== 'string' || placeholdersOf(message).join() !== placeholdersOf(english).join();
    });
    expect(differing).toEqual([]);
  });

  it('has a message for every API error code', () => {
    for (const code of errorCodes) expect(errorMessage(locale, code).length).toBeGreaterThan(0);
  });
});

describe('the Kyrgyz catalogue', () => {
  it('is written in Kyrgyz, with the letters ң ө ү', () => {
    const text = Object.values(catalogues.ky).join(' ');
    for (const letter of ['ң', 'ө', 'ү']) expect(text, `missing ${letter}`).toContain(letter);
  });

  it('is not a copy of the Russian catalogue', () => {
    // Words Kyrgyz shares with Russian (Район, модератор) and names; everything else must differ.
    const sameInBoth = new Set(['site.name', 'footer.copyright', 'role.moderator', 'projects.filter.district', 'timeline.actor.moderator']);
    const same = Object.keys(en).filter(
      (key) =>
        !key.startsWith('locale.') &&
        !sameInBoth.has(key) &&
        catalogues.ky[key as keyof typeof en] === catalogues.ru[key as keyof typeof en],
    );
    expect(same).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders', () => {
    expect(t('en', 'me.greeting', { name: 'Aida' })).toBe('Hello, Aida!');
    expect(t('ky', 'me.greeting', { name: 'Айда' })).toBe('Саламатсызбы, Айда!');
  });
});
