import type { TMailer } from '../domain/ports.ts';
import { awsError, awsFetch, type TAwsFetchOptions } from './aws-fetch.ts';

export type TSesMailerOptions = TAwsFetchOptions & {
  /** A verified SES identity (the address or its domain), e.g. `no-reply@koldoo.kg`. */
  from: string;
  /** Another endpoint (tests); default `https://email.<region>.amazonaws.com`. */
  endpoint?: string;
};

/**
 * Mail through Amazon SES (API v2 `SendEmail`, simple content, UTF-8), signed with the function's
 * role. The function may send only from the stage's identity (IAM `ses:FromAddress` condition).
 */
export function createSesMailer(options: TSesMailerOptions): TMailer {
  const url = new URL('/v2/email/outbound-emails', options.endpoint ?? `https://email.${options.region}.amazonaws.com`);
  return {
    async send(message) {
      const body = JSON.stringify({
        FromEmailAddress: options.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
            },
          },
        },
      });
      const response = await awsFetch(options, {
        service: 'ses', method: 'POST', url, headers: { 'content-type': 'application/json' }, body,
      });
      if (!response.ok) throw await awsError('SES SendEmail', response);
      await response.body?.cancel();
    },
  };
}
