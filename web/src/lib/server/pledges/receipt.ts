import type { RequestEvent } from '@sveltejs/kit';

/** The receipt link's secret, if the visitor came by it (signed-in donors and moderators need none). */
export function tokenOf(event: RequestEvent): string | undefined {
  return event.url.searchParams.get('token') || undefined;
}

/** `/pledges/<id>?token=…&notice=…`: where a donor's pledge pages send them back to. */
export function receiptPath(id: string, token: string | undefined, notice?: string): string {
  const query = new URLSearchParams();
  if (token) query.set('token', token);
  if (notice) query.set('notice', notice);
  const search = query.toString();
  return `/pledges/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
}

/** A form action on the same page that keeps the token in the address (`?/cancel&token=…`). */
export function actionPath(action: string, token: string | undefined): string {
  return token ? `?/${action}&token=${encodeURIComponent(token)}` : `?/${action}`;
}
