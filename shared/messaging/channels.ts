import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Channel } from './types.js';

/**
 * The channel interface: one provider call per message, and an error taxonomy that the
 * ledger relies on. Push or WhatsApp would be one more implementation of `MessageChannel`.
 *
 * Provider clients run with `maxAttempts: 1`: an SDK retry after a timeout could send the
 * same message twice (SES has no idempotency token), so retries happen only in deliver(),
 * and only for answers that prove the provider did not accept the message.
 */
export interface OutgoingEmail {
  channel: 'email';
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: { Name: string; Value: string }[];
}

export interface OutgoingSms {
  channel: 'sms';
  to: string;
  body: string;
  kind: 'marketing' | 'transactional';
  senderId?: string;
}

export type Outgoing = OutgoingEmail | OutgoingSms;

export interface MessageChannel<M extends Outgoing = Outgoing> {
  readonly channel: Channel;
  send(message: M): Promise<{ messageId: string }>;
}

/**
 * - `throttled`: refused for rate; certainly not accepted — back off and retry.
 * - `unavailable`: refused for now (sending paused, account issue); not accepted — defer.
 * - `permanent`: refused for this message (bad address, rejected content); never retry.
 * - `unknown`: the call may or may not have reached the provider (timeout, 5xx, reset):
 *   the message may be out, so it is never retried blindly — the ledger reconciles.
 */
export type ProviderFailure = 'throttled' | 'unavailable' | 'permanent' | 'unknown';

export class ProviderError extends Error {
  constructor(
    readonly failure: ProviderFailure,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

const THROTTLED = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException', 'ThrottledException', 'LimitExceededException', 'KMSThrottlingException']);
const UNAVAILABLE = new Set(['SendingPausedException', 'AccountSuspendedException', 'AuthorizationErrorException', 'AccessDeniedException', 'KMSDisabledException', 'KMSAccessDeniedException']);
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
  'InvalidParameterException',
  'InvalidParameterValueException',
  'ValidationException',
  'OptedOutException',
  'EndpointDisabledException',
]);
/** Connection errors raised before any byte of the request left: certainly not accepted. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classify(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const name = e?.name ?? 'Error';
  const code = e?.code ?? e?.cause?.code ?? name;
  const message = e?.message ?? String(error);
  const status = e?.$metadata?.httpStatusCode;
  if (THROTTLED.has(name) || status === 429) return new ProviderError('throttled', name, message);
  if (UNAVAILABLE.has(name)) return new ProviderError('unavailable', name, message);
  if (PERMANENT.has(name) || (status !== undefined && status >= 400 && status < 500)) return new ProviderError('permanent', name, message);
  if (NOT_SENT.has(code)) return new ProviderError('throttled', code, message);
  return new ProviderError('unknown', name, message);
}

/** RFC 5322 display name: quoted, and MIME encoded-word when not plain ASCII (SES requires it). */
export function formatFrom(address: string, displayName?: string): string {
  if (!displayName) return address;
  const clean = displayName.replace(/["\\\r\n]/g, '').trim();
  if (!clean) return address;
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x20-\x7e]*$/.test(clean);
  return ascii ? `"${clean}" <${address}>` : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?= <${address}>`;
}

export class SesEmailChannel implements MessageChannel<OutgoingEmail> {
  readonly channel = 'email' as const;
  private readonly client: SESv2Client;

  constructor(
    private readonly opts: { configurationSetName?: string; client?: SESv2Client; endpoint?: string } = {},
  ) {
    this.client = opts.client ?? new SESv2Client({ maxAttempts: 1, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) });
  }

  async send(m: OutgoingEmail): Promise<{ messageId: string }> {
    try {
      const res = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: m.from,
          Destination: { ToAddresses: [m.to] },
          ReplyToAddresses: m.replyTo ? [m.replyTo] : undefined,
          ConfigurationSetName: this.opts.configurationSetName || undefined,
          EmailTags: m.tags,
          Content: {
            Simple: {
              Subject: { Data: m.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: m.html, Charset: 'UTF-8' }, Text: { Data: m.text, Charset: 'UTF-8' } },
              Headers: Object.entries(m.headers).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
      if (!res.MessageId) throw new ProviderError('unknown', 'NoMessageId', 'SES answered without a message id');
      return { messageId: res.MessageId };
    } catch (error) {
      throw classify(error);
    }
  }
}

export class SnsSmsChannel implements MessageChannel<OutgoingSms> {
  readonly channel = 'sms' as const;
  private readonly client: SNSClient;

  constructor(opts: { client?: SNSClient; endpoint?: string } = {}) {
    this.client = opts.client ?? new SNSClient({ maxAttempts: 1, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) });
  }

  async send(m: OutgoingSms): Promise<{ messageId: string }> {
    try {
      const res = await this.client.send(
        new PublishCommand({
          PhoneNumber: m.to,
          Message: m.body,
          MessageAttributes: {
            // Promotional SMS are cheaper and may be held by carriers; confirmations must not be.
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: m.kind === 'marketing' ? 'Promotional' : 'Transactional' },
            ...(m.senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: m.senderId } } : {}),
          },
        }),
      );
      if (!res.MessageId) throw new ProviderError('unknown', 'NoMessageId', 'SNS answered without a message id');
      return { messageId: res.MessageId };
    } catch (error) {
      throw classify(error);
    }
  }
}
