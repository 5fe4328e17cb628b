/**
 * Ports: what the domain needs from the outside world, as plain types. Adapters in
 * `api/src/adapters/` implement them for local runs and AWS; tests inject their own.
 */

/** Time comes from here so that tests and schedules can control it. */
export type TClock = { now(): Date };

export type TMailMessage = { to: string; subject: string; text: string; html?: string };
/** Sends e-mail: the local outbox on a laptop, SES in AWS. */
export type TMailer = { send(message: TMailMessage): Promise<void> };

export type TStoredFile = { body: Uint8Array; contentType: string };
/** Stores uploads: a folder under `.data/` locally, S3 in AWS. Keys are opaque paths. */
export type TFileStore = {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<TStoredFile | undefined>;
};

/**
 * Payments (Stripe, bank transfer, the simulated checkout) arrive with the pledges issue.
 * The port is declared now so `createApp` has its final shape; no adapter exists yet.
 */
export type TPayments = {
  readonly provider: 'stripe' | 'simulated';
};
