/**
 * Key builders for the single table. Values carry type prefixes so that one table can hold
 * every entity; see `api/src/data/README.md` for the entity and access-pattern charts.
 */
/** The GSI2 partition of files nothing uses yet. */
const unusedFiles = 'FILES#unused';

export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** Uniqueness guard and look-up for e-mails (strongly consistent, unlike a GSI). */
  email: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  /** Sessions are keyed by the SHA-256 of the token, so a table dump yields no live tokens. */
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  /** GSI1 side of a session: all sessions of a user, for revocation. */
  sessionsOfUser: (userId: string) => ({ gsi1pk: `USER#${userId}#SESSIONS` }),
  rateLimit: (scope: string, subject: string) => ({ pk: `RATE#${scope}#${subject}`, sk: 'WINDOW' }),
  project: (id: string) => ({ pk: `PROJECT#${id}`, sk: 'PROFILE' }),
  projectEvent: (projectId: string, at: string, eventId: string) => ({ pk: `PROJECT#${projectId}`, sk: `EVENT#${at}#${eventId}` }),
  amendment: (projectId: string, id: string) => ({ pk: `PROJECT#${projectId}`, sk: `AMENDMENT#${id}` }),
  /**
   * "At most one progress-report reminder per project per period": `period` counts the 30-day
   * stretches of silence since `since` (the time of the project's latest audit event), so the key
   * is the same for every run within one stretch and changes when news arrives.
   */
  progressReminder: (projectId: string, since: string, period: number) => ({ pk: `REMINDER#${projectId}`, sk: `PROGRESS#${since}#${period}` }),
  /** GSI3 partition per status: the moderation queue (`submitted`), public listings, the deadline job. */
  projectsByStatus: (status: string) => `PROJECTS#${status}`,
  council: (id: string) => ({ pk: `COUNCIL#${id}`, sk: 'PROFILE' }),
  councilEvent: (councilId: string, at: string, eventId: string) => ({ pk: `COUNCIL#${councilId}`, sk: `EVENT#${at}#${eventId}` }),
  /** Links a user to a council they applied for or officiate: `USER#<id>` / `COUNCIL#<id>`. */
  userCouncil: (userId: string, councilId: string) => ({ pk: `USER#${userId}`, sk: `COUNCIL#${councilId}` }),
  /** An uploaded file's metadata; the bytes live in the file store under its `storageKey`. */
  file: (fileId: string) => ({ pk: `FILE#${fileId}`, sk: 'META' }),
  /**
   * GSI2 side of a file nothing uses yet (sparse: removed on first use), oldest first, so the
   * sweep finds abandoned uploads without a Scan: `FILES#unused` / `<createdAt>#<id>`.
   */
  unusedFile: (createdAt: string, fileId: string) => ({ gsi2pk: unusedFiles, gsi2sk: `${createdAt}#${fileId}` }),
  unusedFiles,
  /** A short-lived upload intent (TTL): the browser PUTs the bytes to storage, then completes it. */
  uploadIntent: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'INTENT' }),
  /** A pledge lives in its own partition; GSI1 lists a project's pledges, GSI2 holds the treasurer's queues. */
  pledge: (id: string) => ({ pk: `PLEDGE#${id}`, sk: 'PLEDGE' }),
  pledgesOfProject: (projectId: string) => `PROJECT#${projectId}#PLEDGES`,
  /** `PLEDGES#awaiting_transfer` (bank transfers not yet reconciled) and `PLEDGES#refunds_due`. */
  pledgeQueue: (queue: 'awaiting_transfer' | 'refunds_due') => `PLEDGES#${queue}`,
  /** GSI3 partition of a member's pledges (sparse; only the keys matter, the pledges are then read). */
  pledgesOfUser: (userId: string) => `USER#${userId}#PLEDGES`,
  /** Uniqueness guard for bank-transfer reference codes, and their look-up. */
  pledgeReference: (code: string) => ({ pk: `PLEDGEREF#${code}`, sk: 'REF' }),
  /** Immutable money movements of a project; the key is deterministic so nothing is booked twice. */
  ledgerEntry: (projectId: string, pledgeId: string, kind: string) => ({ pk: `LEDGER#${projectId}`, sk: `ENTRY#${pledgeId}#${kind}` }),
  /** A payment event (Stripe's id) already processed. */
  paymentEvent: (eventId: string) => ({ pk: `PAYEVENT#${eventId}`, sk: 'EVENT' }),
  /** All current exchange rates share one small partition, so the whole table of rates is one Query. */
  rate: (currency: string) => ({ pk: 'RATE', sk: `CURRENCY#${currency}` }),
  /** Immutable history of one currency's rate; the sk sorts by time (the ulid only breaks same-millisecond ties). */
  rateHistory: (currency: string, at: string, id: string) => ({ pk: `RATE#${currency}`, sk: `AT#${at}#${id}` }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  outbox: (mailId: string) => ({ pk: 'OUTBOX', sk: `MAIL#${mailId}` }),
} as const;
