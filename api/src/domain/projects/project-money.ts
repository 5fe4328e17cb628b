import { budgetTotalMinor, coFundingMinor, type TProjectContent } from '@koldoo/shared/contracts/projects.ts';

/** Derived money fields; stored so listings can sort without recomputing every budget. */
export function projectMoney(content: Pick<TProjectContent, 'budgetLines' | 'coFunding'>) {
  const total = budgetTotalMinor(content.budgetLines);
  const coFunding = coFundingMinor(content.coFunding);
  return {
    budgetLines: content.budgetLines.map((line) => ({ ...line, lineTotalMinor: line.quantity * line.unitCostMinor })),
    coFunding: content.coFunding,
    budgetTotalMinor: total,
    coFundingMinor: coFunding,
    goalMinor: total - coFunding,
  };
}
