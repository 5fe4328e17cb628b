import { ulid } from 'ulid';
import { putOutboxMail } from '../data/outbox-repo.ts';
import type { TDb } from '../data/db.ts';
import type { TClock, TMailer } from '../domain/ports.ts';

/** Local mail: messages land in the table's outbox instead of anyone's inbox. SES replaces it in AWS. */
export function createOutboxMailer(db: TDb, clock: TClock): TMailer {
  return {
    async send(message) {
      await putOutboxMail(db, { id: ulid(), ...message, sentAt: clock.now().toISOString() });
    },
  };
}
