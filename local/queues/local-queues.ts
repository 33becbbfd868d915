import { createHash, randomUUID } from 'node:crypto';
import type { LambdaRuntime } from '../lambda/runtime.js';
import type { EventSourceMappingSpec, QueueSpec } from '../template/model.js';

export interface QueueMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, string>;
  messageAttributes: Record<string, { DataType: string; StringValue?: string }>;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

/**
 * In-memory SQS-style queues from the template, with redrive to dead-letter queues after
 * `maxReceiveCount`, and Lambda event source mappings that poll them (batch, partial batch
 * failures). Messages live in memory: a restart empties them (see README).
 */
export class LocalQueues {
  private readonly queues = new Map<string, { spec: QueueSpec; messages: QueueMessage[] }>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    specs: QueueSpec[],
    private readonly mappings: EventSourceMappingSpec[],
    private readonly lambda: LambdaRuntime,
  ) {
    for (const spec of specs) {
      const q = { spec, messages: [] as QueueMessage[] };
      this.queues.set(spec.arn, q);
      this.queues.set(spec.url, q);
      this.queues.set(spec.name, q);
    }
  }

  get(ref: string) {
    const q = this.queues.get(ref) ?? this.queues.get(ref.split('/').pop() ?? '');
    if (!q) throw Object.assign(new Error(`The specified queue does not exist: ${ref}`), { code: 'AWS.SimpleQueueService.NonExistentQueue' });
    return q;
  }

  list(): { spec: QueueSpec; messages: QueueMessage[] }[] {
    return [...new Set(this.queues.values())];
  }

  send(ref: string, body: string, messageAttributes: QueueMessage['messageAttributes'] = {}, delaySeconds = 0): QueueMessage {
    const q = this.get(ref);
    const msg: QueueMessage = {
      messageId: randomUUID(),
      receiptHandle: '',
      body,
      attributes: {},
      messageAttributes,
      receiveCount: 0,
      visibleAt: Date.now() + delaySeconds * 1000,
      sentAt: Date.now(),
    };
    q.messages.push(msg);
    return msg;
  }

  receive(ref: string, max = 1, visibilityTimeoutSeconds?: number): QueueMessage[] {
    const q = this.get(ref);
    const now = Date.now();
    const out: QueueMessage[] = [];
    for (const msg of [...q.messages]) {
      if (out.length >= max) break;
      if (msg.visibleAt > now) continue;
      msg.receiveCount++;
      if (q.spec.deadLetterArn && q.spec.maxReceiveCount && msg.receiveCount > q.spec.maxReceiveCount) {
        q.messages.splice(q.messages.indexOf(msg), 1);
        this.get(q.spec.deadLetterArn).messages.push({ ...msg, receiveCount: 0, visibleAt: now });
        continue;
      }
      msg.receiptHandle = randomUUID();
      msg.visibleAt = now + (visibilityTimeoutSeconds ?? q.spec.visibilityTimeoutSeconds) * 1000;
      out.push(msg);
    }
    return out;
  }

  delete(ref: string, receiptHandle: string): void {
    const q = this.get(ref);
    const idx = q.messages.findIndex((m) => m.receiptHandle === receiptHandle);
    if (idx >= 0) q.messages.splice(idx, 1);
  }

  purge(ref: string): void {
    this.get(ref).messages.length = 0;
  }

  /** Polls every mapped queue and invokes its function, like a Lambda event source mapping. */
  startPolling(intervalMs = 100): void {
    if (!this.mappings.length) return;
    this.timer = setInterval(() => void this.pollOnce(), intervalMs);
  }

  async pollOnce(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      await Promise.all(this.mappings.map((m) => this.drain(m)));
    } finally {
      this.polling = false;
    }
  }

  private async drain(mapping: EventSourceMappingSpec) {
    const q = this.get(mapping.queueArn);
    const batch = this.receive(mapping.queueArn, mapping.batchSize);
    if (!batch.length) return;
    const event = {
      Records: batch.map((m) => ({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt) },
        messageAttributes: m.messageAttributes,
        md5OfBody: md5(m.body),
        eventSource: 'aws:sqs',
        eventSourceARN: q.spec.arn,
        awsRegion: 'us-east-1',
      })),
    };
    try {
      const result = await this.lambda.invoke<{ batchItemFailures?: { itemIdentifier: string }[] } | null>(mapping.functionArn, event);
      const failed = new Set(mapping.reportBatchItemFailures ? (result?.batchItemFailures ?? []).map((f) => f.itemIdentifier) : []);
      for (const m of batch) if (!failed.has(m.messageId)) this.delete(mapping.queueArn, m.receiptHandle);
    } catch {
      // The whole batch becomes visible again after the visibility timeout and is retried.
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
