import { getProject, ledgerCsvUrl, projectLedger } from '#lib/server/api.ts';
import { localText } from '#lib/server/format.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { toLedgerView } from '#lib/server/views/pledges.ts';
import type { PageServerLoad } from './$types';

/** A public document, like the project page: no JavaScript, no hydration payload. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locale } = event.locals;
  const [project, ledger] = await Promise.all([
    getProject(event, event.params.id),
    projectLedger(event, event.params.id),
  ]);
  if (!project.ok) failPage(project);
  if (!ledger.ok) failPage(ledger);
  const { id, title } = project.value.project;
  return {
    project: { id, title: localText(title, locale) },
    ledger: toLedgerView(ledger.value, locale),
    csvUrl: ledgerCsvUrl(id),
  };
};
