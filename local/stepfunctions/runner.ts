import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import type { LambdaRuntime } from '../lambda/runtime.js';
import type { StateMachineSpec } from '../template/model.js';
import { callAwsSdk } from './sdk-integrations.js';

export interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  states: { name: string; type: string; at: number }[];
  abort?: () => void;
  done: Promise<void>;
}

export interface ServiceIntegrations {
  lambda: LambdaRuntime;
  putEvents: (entries: any[]) => Promise<{ EventId: string }[]>;
  sendMessage: (queueRef: string, body: string) => { MessageId: string };
  publish: (input: { PhoneNumber?: string; TopicArn?: string; Message: string; Subject?: string }) => { MessageId: string };
  endpoints: Record<string, string>;
}

const LOCAL_WAIT = 'arn:restock:local:wait';

/**
 * Runs the template's state machine definitions with `aws-local-stepfunctions`. Every Task is
 * resolved to a local handler: Lambda functions to the local runtime, service integrations
 * (EventBridge, SQS, SNS, nested executions, `aws-sdk:*`) to the emulators. Wait states are
 * rewritten to a local wait that honours `timeScale`, so a 24 h window can pass in seconds.
 * Executions live in memory: a restart loses running ones (see README).
 */
export class LocalStepFunctions {
  readonly executions = new Map<string, Execution>();
  /** Executions started per state machine name since start (the map above is capped). */
  readonly startedCounts: Record<string, number> = {};
  private readonly machines = new Map<string, StateMachineSpec>();

  constructor(
    specs: StateMachineSpec[],
    private readonly services: ServiceIntegrations,
    private timeScale = 1,
  ) {
    for (const s of specs) {
      this.machines.set(s.arn, s);
      this.machines.set(s.name, s);
      this.machines.set(s.logicalId, s);
    }
  }

  setTimeScale(scale: number) {
    this.timeScale = Math.max(1, scale);
  }

  machine(ref: string): StateMachineSpec {
    const m = this.machines.get(ref);
    if (!m) throw Object.assign(new Error(`State Machine Does Not Exist: '${ref}'`), { code: 'StateMachineDoesNotExist' });
    return m;
  }

  start(machineRef: string, input: unknown, name?: string): Execution {
    const spec = this.machine(machineRef);
    const execName = name ?? randomUUID();
    const executionArn = `${spec.arn.replace(':stateMachine:', ':execution:')}:${execName}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Like AWS: same name and same input while running is idempotent; otherwise refused.
      if (existing.status === 'RUNNING' && JSON.stringify(existing.input) === JSON.stringify(input)) return existing;
      throw Object.assign(new Error(`Execution Already Exists: '${executionArn}'`), { code: 'ExecutionAlreadyExists' });
    }
    const definition = rewriteWaits(structuredClone(spec.definition));
    const handlers: Record<string, (input: any) => Promise<any>> = {};
    const retryIntervalOverrides: Record<string, number[]> = {};
    forEachState(definition, (stateName, state) => {
      if (state.Type === 'Task') handlers[stateName] = (i) => this.runTask(state.Resource, i);
      if (state.Retry?.length && this.timeScale > 1) {
        const r = state.Retry[0];
        retryIntervalOverrides[stateName] = Array.from({ length: r.MaxAttempts ?? 3 }, (_, k) =>
          ((r.IntervalSeconds ?? 1) * (r.BackoffRate ?? 2) ** k * 1000) / this.timeScale,
        );
      }
    });
    const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
    const startDate = new Date();
    const run = machine.run(input as any, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
      context: {
        Execution: { Id: executionArn, Name: execName, StartTime: startDate.toISOString(), Input: input as any, RoleArn: 'local' },
        StateMachine: { Id: spec.arn, Name: spec.name },
      },
    });
    const execution: Execution = {
      executionArn,
      stateMachineArn: spec.arn,
      name: execName,
      status: 'RUNNING',
      input,
      startDate,
      states: [],
      abort: run.abort,
      done: Promise.resolve(),
    };
    execution.done = (async () => {
      const logs = (async () => {
        for await (const ev of run.eventLogs) {
          if (ev.type === 'StateEntered') execution.states.push({ name: ev.state.name, type: ev.state.type, at: ev.timestamp });
        }
      })().catch(() => undefined);
      try {
        execution.output = await run.result;
        if (execution.status === 'RUNNING') execution.status = 'SUCCEEDED';
      } catch (error: any) {
        if (execution.status === 'RUNNING') {
          execution.status = error?.name === 'ExecutionAbortedError' ? 'ABORTED' : 'FAILED';
          execution.error = error?.cause?.name ?? error?.name ?? 'Error';
          execution.cause = error?.cause?.message ?? error?.message;
        }
      }
      execution.stopDate = new Date();
      execution.abort = undefined;
      await Promise.race([logs, new Promise((r) => setTimeout(r, 50))]);
    })();
    this.executions.set(executionArn, execution);
    this.startedCounts[spec.name] = (this.startedCounts[spec.name] ?? 0) + 1;
    if (this.executions.size > 2000) this.executions.delete(this.executions.keys().next().value!);
    return execution;
  }

  stop(executionArn: string, error?: string, cause?: string): Execution {
    const e = this.executions.get(executionArn);
    if (!e) throw Object.assign(new Error(`Execution Does Not Exist: '${executionArn}'`), { code: 'ExecutionDoesNotExist' });
    if (e.status === 'RUNNING') {
      e.status = 'ABORTED';
      e.error = error;
      e.cause = cause;
      e.abort?.();
    }
    return e;
  }

  private async runTask(resource: string, input: any): Promise<any> {
    const s = this.services;
    if (resource === LOCAL_WAIT) {
      const until = input.timestamp ? Date.parse(input.timestamp) : Date.now() + Number(input.seconds) * 1000;
      const ms = Math.max(0, until - Date.now()) / this.timeScale;
      await new Promise((r) => setTimeout(r, ms));
      return {};
    }
    if (s.lambda.has(resource)) return s.lambda.invoke(resource, input);
    const integration = resource.match(/^arn:aws:states:::([^:]+):([^.]+)(\..+)?$/);
    if (!integration) throw new Error(`Unsupported task resource ${resource}`);
    const [, service, action, mode] = integration as unknown as [string, string, string, string | undefined];
    switch (`${service}:${action}`) {
      case 'lambda:invoke': {
        const payload = await s.lambda.invoke(input.FunctionName, input.Payload);
        return { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST' };
      }
      case 'events:putEvents': {
        const entries = await s.putEvents(input.Entries);
        return { Entries: entries, FailedEntryCount: 0 };
      }
      case 'sqs:sendMessage':
        return s.sendMessage(input.QueueUrl, typeof input.MessageBody === 'string' ? input.MessageBody : JSON.stringify(input.MessageBody));
      case 'sns:publish':
        return s.publish(input);
      case 'states:startExecution': {
        const child = this.start(input.StateMachineArn, input.Input ?? {}, input.Name);
        if (!mode?.startsWith('.sync')) return { ExecutionArn: child.executionArn, StartDate: child.startDate.toISOString() };
        await child.done;
        if (child.status !== 'SUCCEEDED') throw Object.assign(new Error(child.cause ?? 'child execution failed'), { name: 'States.TaskFailed' });
        return { ExecutionArn: child.executionArn, Output: mode === '.sync:2' ? child.output : JSON.stringify(child.output), Status: child.status };
      }
    }
    if (service === 'aws-sdk') {
      const [svc, act] = action.split(':') as [string, string];
      return callAwsSdk(svc, act, input, s.endpoints);
    }
    if (service === 'dynamodb') return callAwsSdk('dynamodb', action, input, s.endpoints);
    throw new Error(`Unsupported task resource ${resource}`);
  }
}

type AnyState = Record<string, any>;

function forEachState(def: { States: Record<string, AnyState> }, fn: (name: string, state: AnyState) => void) {
  for (const [name, state] of Object.entries(def.States)) {
    fn(name, state);
    const inner = state.ItemProcessor ?? state.Iterator;
    if (inner) forEachState(inner, fn);
    for (const branch of state.Branches ?? []) forEachState(branch, fn);
  }
}

/** Wait → Task on a local wait resource, keeping the state's paths and transitions. */
function rewriteWaits<T extends { States: Record<string, AnyState> }>(def: T): T {
  forEachState(def, (name, state) => {
    if (state.Type !== 'Wait') return;
    const params: Record<string, unknown> = {};
    if (state.Seconds !== undefined) params.seconds = state.Seconds;
    if (state.SecondsPath) params['seconds.$'] = state.SecondsPath;
    if (state.Timestamp) params.timestamp = state.Timestamp;
    if (state.TimestampPath) params['timestamp.$'] = state.TimestampPath;
    const { Seconds, SecondsPath, Timestamp, TimestampPath, ...rest } = state;
    void Seconds, SecondsPath, Timestamp, TimestampPath, name;
    for (const k of Object.keys(state)) delete state[k];
    Object.assign(state, { ...rest, Type: 'Task', Resource: LOCAL_WAIT, Parameters: params, ResultPath: null });
  });
  return def;
}
