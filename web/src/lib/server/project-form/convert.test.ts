import { describe, expect, it } from 'vitest';
import { bishkekToday, toProjectContent } from './convert.ts';
import { emptyRow, emptyValues } from './values.ts';

const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

function filledForm() {
  return emptyValues({
    title: { ky: 'Көпүрө', ru: '', en: '' },
    summary: { ky: 'Кыскача', ru: '', en: '' },
    story: { ky: 'Толук', ru: '', en: '' },
    village: { ky: 'Ак-Босого', ru: '', en: '' },
    ayilAimak: { ky: 'Гүлчө', ru: '', en: '' },
    category: 'bridge',
    districtId: 'alay',
    beneficiaries: '1 200',
    deadline: inDays(30),
    fundingMode: 'flexible',
    skills: 'welder, engineer ,',
    contactName: 'Эрмек',
    contactPhone: '+996 772 341 205',
    budgetLines: [
      {
        ...emptyRow.budgetLines(),
        item: { ky: 'Устун', ru: '', en: '' },
        quantity: '2',
        unitCost: '1 500,50',
      },
      emptyRow.budgetLines(),
      {
        ...emptyRow.budgetLines(),
        item: { ky: 'Иш', ru: '', en: '' },
        quantity: '1',
        unitCost: 'abc',
      },
    ],
    milestones: [
      { title: { ky: 'Курулат', ru: '', en: '' }, targetDate: inDays(60), share: '100' },
    ],
  });
}

describe('toProjectContent', () => {
  it('turns som into tyiyn, percent into basis points, drops empty rows and derives the region', () => {
    const values = filledForm();
    values.budgetLines[2] = { ...values.budgetLines[2]!, unitCost: '50000' };
    const result = toProjectContent(values, 'ky', 'council-alay-gulcha');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.budgetLines.map((line) => line.unitCostMinor)).toEqual([
      150_050, 5_000_000,
    ]);
    expect(result.content.milestones[0]?.shareBasisPoints).toBe(10_000);
    expect(result.content.location.regionId).toBe('osh');
    expect(result.content.beneficiaries).toBe(1200);
    expect(result.content.skillsWanted).toEqual(['welder', 'engineer']);
    expect(result.content.title).toEqual({ ky: 'Көпүрө' });
    expect(result.content.coFunding).toEqual([]);
  });

  it('names the field a problem belongs to, with the row number the official saw', () => {
    const values = filledForm();
    values.title = { ky: '', ru: '', en: '' };
    values.milestones = [
      { title: { ky: 'Курулат', ru: '', en: '' }, targetDate: inDays(60), share: '60' },
    ];
    const result = toProjectContent(values, 'ru', 'council-alay-gulcha');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Row 3 stays row 3 although the empty row 2 was dropped before checking.
    expect(result.issues['budgetLines.2.unitCost']).toMatch(/сом/);
    expect(result.issues['title.ru']).toBe('Заполните хотя бы на одном языке.');
    expect(result.issues.milestones).toBe('Доли этапов в сумме должны составлять 100%.');
  });

  it('counts deadlines in Bishkek time', () => {
    expect(bishkekToday(new Date('2026-03-01T19:00:00Z'))).toBe('2026-03-02');
  });
});
