import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LocalEventBus } from '../eventbridge/bus.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import { md5, type LocalQueues } from '../queues/local-queues.js';
import type { SmsOutbox } from '../sns/sms-outbox.js';
import type { LocalStepFunctions, Execution } from '../stepfunctions/runner.js';

class WireError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * One local endpoint speaking the AWS wire protocols of the services that have no emulator
 * here: EventBridge (JSON 1.1), Step Functions and SQS (JSON 1.0), SNS (Query, XML) and
 * Lambda Invoke (REST). Every SDK client reaches it through AWS_ENDPOINT_URL_<SERVICE>, so
 * handlers run unchanged.
 */
export async function startWireServer(opts: {
  port: number;
  bus: LocalEventBus;
  sfn: LocalStepFunctions;
  queues: LocalQueues;
  sms: SmsOutbox;
  lambda: LambdaRuntime;
}): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const json = (status: number, body: unknown, contentType = 'application/x-amz-json-1.1') => {
      res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': randomUUID() });
      res.end(JSON.stringify(body));
    };
    try {
      const lambdaPath = req.url?.match(/^\/2015-03-31\/functions\/([^/]+)\/invocations/);
      if (lambdaPath) {
        const name = decodeURIComponent(lambdaPath[1]!);
        const payload = raw ? JSON.parse(raw) : {};
        if (req.headers['x-amz-invocation-type'] === 'Event') {
          void opts.lambda.invoke(name, payload).catch(() => undefined);
          res.writeHead(202).end();
          return;
        }
        try {
          const result = await opts.lambda.invoke(name, payload);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        } catch (error: any) {
          res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' })
            .end(JSON.stringify({ errorType: error.name, errorMessage: error.message }));
        }
        return;
      }
      if (target.startsWith('AWSEvents.')) return json(200, eventBridge(target.slice(10), JSON.parse(raw || '{}')));
      if (target.startsWith('AWSStepFunctions.')) return json(200, stepFunctions(target.slice(17), JSON.parse(raw || '{}')), 'application/x-amz-json-1.0');
      if (target.startsWith('AmazonSQS.')) return json(200, sqs(target.slice(10), JSON.parse(raw || '{}')), 'application/x-amz-json-1.0');
      const form = new URLSearchParams(raw);
      if (form.get('Action') === 'Publish') {
        const attrs: Record<string, string> = {};
        for (let i = 1; form.has(`MessageAttributes.entry.${i}.Name`); i++) {
          attrs[form.get(`MessageAttributes.entry.${i}.Name`)!] = form.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? '';
        }
        const phoneNumber = form.get('PhoneNumber') ?? undefined;
        if (phoneNumber && !/^\+[1-9]\d{6,14}$/.test(phoneNumber)) throw new WireError('InvalidParameter', 'Invalid parameter: PhoneNumber Reason: not E.164');
        const record = opts.sms.publish({
          phoneNumber,
          topicArn: form.get('TopicArn') ?? form.get('TargetArn') ?? undefined,
          message: form.get('Message') ?? '',
          subject: form.get('Subject') ?? undefined,
          attributes: attrs,
        });
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${record.messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
        );
        return;
      }
      throw new WireError('UnknownOperationException', `Operation not supported locally: ${target || form.get('Action') || req.url}`);
    } catch (error: any) {
      const type = error instanceof WireError ? error.type : (error.code ?? 'InternalFailure');
      const status = error instanceof WireError ? error.status : error.code ? 400 : 500;
      if (target) return json(status, { __type: type, message: error.message });
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${type}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`);
    }
  });

  function eventBridge(op: string, input: any) {
    if (op !== 'PutEvents') throw new WireError('UnknownOperationException', `EventBridge ${op} is not supported locally`);
    if (!Array.isArray(input.Entries) || input.Entries.length < 1 || input.Entries.length > 10) {
      throw new WireError('ValidationException', 'Entries must contain between 1 and 10 items');
    }
    const entries = opts.bus.put(input.Entries);
    return { Entries: entries, FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length };
  }

  function describe(e: Execution) {
    return {
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate.getTime() / 1000,
      stopDate: e.stopDate ? e.stopDate.getTime() / 1000 : undefined,
      input: JSON.stringify(e.input),
      output: e.output === undefined ? undefined : JSON.stringify(e.output),
      error: e.error,
      cause: e.cause,
    };
  }

  function stepFunctions(op: string, input: any) {
    switch (op) {
      case 'StartExecution': {
        const e = opts.sfn.start(input.stateMachineArn, input.input ? JSON.parse(input.input) : {}, input.name);
        return { executionArn: e.executionArn, startDate: e.startDate.getTime() / 1000 };
      }
      case 'DescribeExecution': {
        const e = opts.sfn.executions.get(input.executionArn);
        if (!e) throw new WireError('ExecutionDoesNotExist', `Execution Does Not Exist: '${input.executionArn}'`);
        return describe(e);
      }
      case 'StopExecution': {
        const e = opts.sfn.stop(input.executionArn, input.error, input.cause);
        return { stopDate: (e.stopDate ?? new Date()).getTime() / 1000 };
      }
      case 'ListExecutions': {
        const list = [...opts.sfn.executions.values()].filter(
          (e) => e.stateMachineArn === input.stateMachineArn && (!input.statusFilter || e.status === input.statusFilter),
        );
        return { executions: list.map((e) => ({ executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status, startDate: e.startDate.getTime() / 1000 })) };
      }
    }
    throw new WireError('UnknownOperationException', `Step Functions ${op} is not supported locally`);
  }

  function sqs(op: string, input: any) {
    switch (op) {
      case 'GetQueueUrl':
        return { QueueUrl: opts.queues.get(input.QueueName).spec.url };
      case 'SendMessage': {
        const m = opts.queues.send(input.QueueUrl, input.MessageBody, input.MessageAttributes, input.DelaySeconds);
        return { MessageId: m.messageId, MD5OfMessageBody: md5(input.MessageBody) };
      }
      case 'SendMessageBatch': {
        const ok = (input.Entries as any[]).map((e) => {
          const m = opts.queues.send(input.QueueUrl, e.MessageBody, e.MessageAttributes, e.DelaySeconds);
          return { Id: e.Id, MessageId: m.messageId, MD5OfMessageBody: md5(e.MessageBody) };
        });
        return { Successful: ok, Failed: [] };
      }
      case 'ReceiveMessage': {
        const msgs = opts.queues.receive(input.QueueUrl, input.MaxNumberOfMessages ?? 1, input.VisibilityTimeout);
        return { Messages: msgs.map((m) => ({ MessageId: m.messageId, ReceiptHandle: m.receiptHandle, Body: m.body, MD5OfBody: md5(m.body), MessageAttributes: m.messageAttributes, Attributes: { ApproximateReceiveCount: String(m.receiveCount) } })) };
      }
      case 'DeleteMessage':
        opts.queues.delete(input.QueueUrl, input.ReceiptHandle);
        return {};
      case 'PurgeQueue':
        opts.queues.purge(input.QueueUrl);
        return {};
      case 'GetQueueAttributes': {
        const q = opts.queues.get(input.QueueUrl);
        return { Attributes: { ApproximateNumberOfMessages: String(q.messages.length), QueueArn: q.spec.arn } };
      }
    }
    throw new WireError('UnsupportedOperation', `SQS ${op} is not supported locally`);
  }

  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

function escapeXml(s: string) {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
