import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

const ses = new SESv2Client({});

export interface EmailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/**
 * The minimal shared e-mail sender (SES v2). The waitlist capability grows this into the
 * full messaging layer (templates, suppression, frequency caps, SMS).
 */
export async function sendEmail(msg: EmailMessage): Promise<string> {
  const res = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: msg.from,
      Destination: { ToAddresses: [msg.to] },
      Content: {
        Simple: {
          Subject: { Data: msg.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: msg.text, Charset: 'UTF-8' },
            ...(msg.html ? { Html: { Data: msg.html, Charset: 'UTF-8' } } : {}),
          },
          Headers: msg.headers ? Object.entries(msg.headers).map(([Name, Value]) => ({ Name, Value })) : undefined,
        },
      },
    }),
  );
  return res.MessageId ?? '';
}
