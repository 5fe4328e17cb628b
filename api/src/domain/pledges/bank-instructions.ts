import type { TBankInstructions } from '@koldoo/shared/contracts/pledges.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TFiscalHost } from '../../deps.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';

/** The reference is what the treasurer matches on the bank statement, so it must travel with the money. */
const steps: Record<TLocale, (code: string) => string[]> = {
  ky: (code) => [
    'Төмөнкү эсепке банк которуусу же акча которуу системасы (Золотая Корона, Contact ж.б.) аркылуу төлөңүз.',
    `Төлөмдүн максатына сөзсүз ${code} кодун жазыңыз.`,
    'Квитанциянын сүрөтүн же PDF файлын ушул баракка жүктөңүз: казыначы тезирээк текшерет.',
    'Акча келгенде сизге электрондук кат менен квитанция жөнөтүлөт.',
  ],
  ru: (code) => [
    'Переведите деньги на счёт ниже банковским переводом или системой денежных переводов (Золотая Корона, Contact и др.).',
    `Обязательно укажите код ${code} в назначении платежа.`,
    'Загрузите фото или PDF квитанции на этой странице: казначей проверит быстрее.',
    'Когда деньги поступят, мы пришлём квитанцию на вашу почту.',
  ],
  en: (code) => [
    'Send the money to the account below by bank transfer or a remittance service (Zolotaya Korona, Contact, etc.).',
    `Write the code ${code} in the payment reference; without it we cannot match your money.`,
    'Upload a photo or PDF of the transfer receipt on this page so the treasurer can check it sooner.',
    'When the money arrives, we e-mail you a receipt.',
  ],
};

export function bankInstructions(pledge: TPledgeRecord, host: TFiscalHost): TBankInstructions | undefined {
  if (pledge.method !== 'bank_transfer' || !pledge.referenceCode) return undefined;
  return { referenceCode: pledge.referenceCode, amount: pledge.amount, ...host, steps: steps[pledge.locale](pledge.referenceCode) };
}
