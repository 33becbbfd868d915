import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from '../template/model.js';

const workerPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs');
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export class LambdaInvocationError extends Error {
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    errorMessage: string,
  ) {
    super(errorMessage);
    this.name = errorType;
  }
}

export interface InvocationRecord {
  functionName: string;
  requestId: string;
  at: string;
  ms: number;
  ok: boolean;
  error?: string;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout };

/**
 * Runs the template's functions locally: one worker thread per function, started on first
 * use, with the function's resolved environment plus the emulator endpoints. Timeouts are
 * the template's. Handler logs go to the console unless `quiet`.
 */
export class LambdaRuntime {
  private readonly byArnOrName = new Map<string, FunctionSpec>();
  private readonly workers = new Map<string, { worker: Worker; ready: Promise<void>; pending: Map<number, Pending> }>();
  private seq = 0;
  readonly invocations: InvocationRecord[] = [];
  /** Total invocations per function (logical id) since start. */
  readonly invocationCounts: Record<string, number> = {};

  constructor(
    functions: FunctionSpec[],
    private readonly sharedEnv: Record<string, string>,
    private readonly opts: { quiet?: boolean } = {},
  ) {
    for (const f of functions) {
      this.byArnOrName.set(f.arn, f);
      this.byArnOrName.set(f.name, f);
      this.byArnOrName.set(f.logicalId, f);
    }
  }

  has(ref: string): boolean {
    return !!this.find(ref);
  }

  find(ref: string): FunctionSpec | undefined {
    // Accept ARNs with a qualifier (…:function:name:$LATEST) as Step Functions passes them.
    return this.byArnOrName.get(ref) ?? this.byArnOrName.get(ref.split(':').slice(0, 7).join(':'));
  }

  async invoke<T = unknown>(ref: string, event: unknown): Promise<T> {
    const fn = this.find(ref);
    if (!fn) throw new Error(`No local function for ${ref}`);
    const w = this.workerFor(fn);
    await w.ready;
    const id = ++this.seq;
    const requestId = randomUUID();
    const started = Date.now();
    const deadline = started + fn.timeoutSeconds * 1000;
    const record: InvocationRecord = { functionName: fn.logicalId, requestId, at: new Date(started).toISOString(), ms: 0, ok: true };
    try {
      return (await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          w.pending.delete(id);
          reject(new LambdaInvocationError(fn.logicalId, 'Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds}.00 seconds`));
        }, fn.timeoutSeconds * 1000);
        w.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        w.worker.postMessage({ id, event, deadline, requestId });
      })) as T;
    } catch (error) {
      record.ok = false;
      record.error = (error as Error).message;
      throw error;
    } finally {
      record.ms = Date.now() - started;
      this.invocationCounts[fn.logicalId] = (this.invocationCounts[fn.logicalId] ?? 0) + 1;
      this.invocations.push(record);
      if (this.invocations.length > 1000) this.invocations.shift();
    }
  }

  private workerFor(fn: FunctionSpec) {
    const existing = this.workers.get(fn.logicalId);
    if (existing) return existing;
    const worker = new Worker(workerPath, {
      workerData: { entryPath: path.join(repoRoot, fn.entry), handlerName: fn.handler, functionName: fn.name, functionArn: fn.arn },
      env: { ...process.env, ...this.sharedEnv, ...fn.environment, AWS_LAMBDA_FUNCTION_NAME: fn.name, NODE_OPTIONS: '' },
      stdout: true,
      stderr: true,
    });
    const prefix = `[${fn.logicalId.replace(/[0-9A-F]{8}$/, '')}] `;
    const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
      stream.on('data', (chunk: Buffer) => {
        if (this.opts.quiet) return;
        for (const line of chunk.toString().split('\n')) if (line) out.write(prefix + line + '\n');
      });
    pipe(worker.stdout, process.stdout);
    pipe(worker.stderr, process.stderr);
    const pending = new Map<number, Pending>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: { ready?: boolean; id?: number; result?: unknown; error?: { errorType: string; errorMessage: string } }) => {
        if (msg.ready) return resolve();
        const p = pending.get(msg.id!);
        if (!p) return;
        pending.delete(msg.id!);
        clearTimeout(p.timer);
        if (msg.error) p.reject(new LambdaInvocationError(fn.logicalId, msg.error.errorType, msg.error.errorMessage));
        else p.resolve(msg.result);
      });
      worker.on('error', (error) => {
        // A crashed container: fail what it was doing; the next invocation starts a new one.
        this.workers.delete(fn.logicalId);
        for (const p of pending.values()) {
          clearTimeout(p.timer);
          p.reject(new LambdaInvocationError(fn.logicalId, 'Runtime.ExitError', error.message));
        }
        reject(error);
      });
    });
    ready.catch(() => undefined);
    const entry = { worker, ready, pending };
    this.workers.set(fn.logicalId, entry);
    return entry;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.worker.terminate()));
    this.workers.clear();
  }
}
