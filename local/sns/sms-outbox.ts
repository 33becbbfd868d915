import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface SmsRecord {
  messageId: string;
  at: string;
  phoneNumber?: string;
  topicArn?: string;
  message: string;
  subject?: string;
  attributes: Record<string, string>;
}

/**
 * The local stand-in for SNS SMS delivery: `Publish` calls land here and are shown next to
 * the e-mails. Persisted to one JSON file in the data folder so they survive a restart.
 */
export class SmsOutbox {
  readonly messages: SmsRecord[];

  constructor(private readonly file?: string) {
    this.messages = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SmsRecord[]) : [];
  }

  publish(input: Omit<SmsRecord, 'messageId' | 'at'>): SmsRecord {
    const record = { messageId: randomUUID(), at: new Date().toISOString(), ...input };
    this.messages.push(record);
    if (this.messages.length > 5000) this.messages.shift();
    if (this.file) writeFileSync(this.file, JSON.stringify(this.messages));
    return record;
  }

  /** GDPR erasure reaches the local stores too. */
  erase(phoneNumber: string): number {
    const before = this.messages.length;
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i]!.phoneNumber === phoneNumber) this.messages.splice(i, 1);
    if (this.file) writeFileSync(this.file, JSON.stringify(this.messages));
    return before - this.messages.length;
  }
}
