import { describe, it, expect } from 'vitest';
import { findDistrict } from '@koldoo/shared/regions.ts';
import {
  demoAccounts,
  demoCouncils,
  demoPassword,
  demoProjects,
  type TDemoProject,
  type TText,
} from './demo-data.ts';

const cyrillic = /[а-яё]/i;
const kyrgyzLetters = /[ңөү]/i;

/** Every object in the tree that looks like a TText (has any of ky/ru/en), with its path. */
function collectTexts(value: unknown, path = '$'): { path: string; text: Partial<TText> }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => collectTexts(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = ['ky', 'ru', 'en'].some((key) => key in record) ? [{ path, text: record as Partial<TText> }] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, child]) => collectTexts(child, `${path}.${key}`)),
  ];
}

function budgetTotal(project: TDemoProject): number {
  return project.budgetLines.reduce((sum, line) => sum + line.quantity * line.unitCostMinor, 0);
}

function coFundingTotal(project: TDemoProject): number {
  return project.coFunding.reduce((sum, part) => sum + part.amountMinor, 0);
}

function isMoney(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

describe('demo councils', () => {
  it('use region and district ids that exist in the reference data', () => {
    for (const council of demoCouncils) {
      expect(findDistrict(council.regionId, council.districtId), council.id).toBeDefined();
    }
  });

  it('cover the five regions osh, batken, chuy, talas and jalal-abad, one council each', () => {
    const regionIds = demoCouncils.map((council) => council.regionId).sort();
    expect(regionIds).toEqual(['batken', 'chuy', 'jalal-abad', 'osh', 'talas']);
  });

  it('have unique ids and +996 contact phones', () => {
    expect(new Set(demoCouncils.map((council) => council.id)).size).toBe(demoCouncils.length);
    for (const council of demoCouncils) {
      expect(council.villages.length, council.id).toBeGreaterThan(0);
      expect(council.contact.phone, council.id).toMatch(/^\+996 \d{3} \d{3} \d{3}$/);
      expect(council.contact.email, council.id).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    }
  });
});

describe('demo texts', () => {
  const texts = collectTexts({ demoCouncils, demoProjects });

  it('are all found by the walker (so the checks below cover every field)', () => {
    const expected =
      demoCouncils.reduce((sum, council) => sum + 2 + council.villages.length, 0) +
      demoProjects.reduce(
        (sum, project) =>
          sum + 5 + project.budgetLines.length * 2 + project.coFunding.length + project.milestones.length,
        0,
      );
    expect(texts.length).toBe(expected);
  });

  it('have non-empty ky, ru and en everywhere', () => {
    for (const { path, text } of texts) {
      for (const locale of ['ky', 'ru', 'en'] as const) {
        const value = text[locale];
        expect(typeof value === 'string' && value.trim().length > 0, `${path}.${locale}`).toBe(true);
      }
    }
  });

  it('write ky and ru in Cyrillic and en without Cyrillic', () => {
    for (const { path, text } of texts) {
      expect(text.ky, `${path}.ky`).toMatch(cyrillic);
      expect(text.ru, `${path}.ru`).toMatch(cyrillic);
      expect(text.en, `${path}.en`).not.toMatch(cyrillic);
    }
  });

  it('translate every project title, summary and story (no copied language)', () => {
    for (const project of demoProjects) {
      for (const field of ['title', 'summary', 'story'] as const) {
        const { ky, ru, en } = project[field];
        expect(new Set([ky, ru, en]).size, `${project.id}.${field}`).toBe(3);
      }
      expect(project.story.ky, project.id).toMatch(kyrgyzLetters);
    }
  });
});

describe('demo projects', () => {
  const councilsById = new Map(demoCouncils.map((council) => [council.id, council]));

  it('have unique ids and belong to an existing council in the same region', () => {
    expect(new Set(demoProjects.map((project) => project.id)).size).toBe(demoProjects.length);
    for (const project of demoProjects) {
      const council = councilsById.get(project.councilId);
      expect(council, project.id).toBeDefined();
      expect(project.location.regionId, project.id).toBe(council?.regionId);
      expect(project.location.districtId, project.id).toBe(council?.districtId);
      expect(council?.villages.map((village) => village.en), project.id).toContain(project.location.village.en);
    }
  });

  it('use region and district ids that exist, and coordinates inside Kyrgyzstan', () => {
    for (const project of demoProjects) {
      expect(findDistrict(project.location.regionId, project.location.districtId), project.id).toBeDefined();
      const { coordinates } = project.location;
      if (coordinates) {
        expect(coordinates.lat, project.id).toBeGreaterThan(39.1);
        expect(coordinates.lat, project.id).toBeLessThan(43.3);
        expect(coordinates.lng, project.id).toBeGreaterThan(69.2);
        expect(coordinates.lng, project.id).toBeLessThan(80.3);
      }
    }
  });

  it('cover the categories the demo promises', () => {
    const categories = new Set(demoProjects.map((project) => project.category));
    for (const category of ['bridge', 'road', 'water_supply', 'school', 'kindergarten', 'clinic_fap', 'medical_mission', 'sports'] as const) {
      expect(categories.has(category), category).toBe(true);
    }
  });

  it('keep all money values safe non-negative integers', () => {
    for (const project of demoProjects) {
      const values = [
        project.goalMinor,
        project.raisedMinor,
        ...project.budgetLines.flatMap((line) => [line.unitCostMinor, line.quantity * line.unitCostMinor]),
        ...project.coFunding.map((part) => part.amountMinor),
        budgetTotal(project),
      ];
      for (const value of values) expect(isMoney(value), `${project.id}: ${value}`).toBe(true);
      for (const line of project.budgetLines) {
        expect(Number.isSafeInteger(line.quantity) && line.quantity > 0, `${project.id} quantity`).toBe(true);
      }
    }
  });

  it('ask for exactly the budget total minus co-funding', () => {
    for (const project of demoProjects) {
      expect(project.goalMinor, project.id).toBe(budgetTotal(project) - coFundingTotal(project));
      expect(project.goalMinor, project.id).toBeGreaterThan(0);
    }
  });

  it('never report more raised than the goal, and include one project close to it', () => {
    for (const project of demoProjects) {
      expect(project.raisedMinor, project.id).toBeLessThanOrEqual(project.goalMinor);
    }
    expect(demoProjects.some((project) => project.raisedMinor >= project.goalMinor * 0.9)).toBe(true);
    expect(demoProjects.some((project) => project.raisedMinor < project.goalMinor * 0.5)).toBe(true);
  });

  it('split milestones into shares that sum to exactly 10000 basis points', () => {
    for (const project of demoProjects) {
      const shares = project.milestones.map((milestone) => milestone.shareBasisPoints);
      expect(shares.every((share) => Number.isInteger(share) && share > 0), project.id).toBe(true);
      expect(shares.reduce((sum, share) => sum + share, 0), project.id).toBe(10_000);
    }
  });

  it('set deadlines 10–90 days out and a realistic beneficiary count', () => {
    for (const project of demoProjects) {
      expect(Number.isInteger(project.deadlineDaysFromNow), project.id).toBe(true);
      expect(project.deadlineDaysFromNow, project.id).toBeGreaterThanOrEqual(10);
      expect(project.deadlineDaysFromNow, project.id).toBeLessThanOrEqual(90);
      expect(Number.isInteger(project.beneficiaries) && project.beneficiaries > 0, project.id).toBe(true);
    }
  });
});

describe('demo accounts', () => {
  it('are the four documented accounts, sharing a password that passes the policy length', () => {
    expect(demoAccounts.map((account) => account.email)).toEqual([
      'moderator@demo.koldoo.kg',
      'official@demo.koldoo.kg',
      'donor@demo.koldoo.kg',
      'doctor@demo.koldoo.kg',
    ]);
    expect(demoPassword.length).toBeGreaterThanOrEqual(10);
  });

  it('make the official an official of the first council', () => {
    const official = demoAccounts.find((account) => account.email === 'official@demo.koldoo.kg');
    expect(official?.role).toBe('council_official');
    expect(official?.councilId).toBe(demoCouncils[0]?.id);
    const moderator = demoAccounts.find((account) => account.email === 'moderator@demo.koldoo.kg');
    expect(moderator?.role).toBe('moderator');
    const others = demoAccounts.filter((account) => account !== official && account !== moderator);
    expect(others.map((account) => account.role)).toEqual(['member', 'member']);
    expect(others.every((account) => account.councilId === undefined)).toBe(true);
  });
});
