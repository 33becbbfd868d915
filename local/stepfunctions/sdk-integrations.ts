/**
 * `arn:aws:states:::aws-sdk:<service>:<action>` locally: the same call through the AWS SDK v3
 * client of that service, pointed at the local emulators. Parameters are the API's own
 * (PascalCase), as in Step Functions.
 */
const clients = new Map<string, any>();

const packages: Record<string, { pkg: string; client: string }> = {
  dynamodb: { pkg: '@aws-sdk/client-dynamodb', client: 'DynamoDBClient' },
  s3: { pkg: '@aws-sdk/client-s3', client: 'S3Client' },
  sesv2: { pkg: '@aws-sdk/client-sesv2', client: 'SESv2Client' },
  eventbridge: { pkg: '@aws-sdk/client-eventbridge', client: 'EventBridgeClient' },
  sns: { pkg: '@aws-sdk/client-sns', client: 'SNSClient' },
  sfn: { pkg: '@aws-sdk/client-sfn', client: 'SFNClient' },
};

export async function callAwsSdk(service: string, action: string, input: unknown, endpoints: Record<string, string>): Promise<unknown> {
  const def = packages[service];
  if (!def) throw new Error(`aws-sdk integration for service "${service}" is not available locally`);
  const mod = await import(def.pkg);
  let client = clients.get(service);
  if (!client) {
    client = new mod[def.client]({ endpoint: endpoints[service], region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    clients.set(service, client);
  }
  const commandName = `${action.charAt(0).toUpperCase()}${action.slice(1)}Command`;
  const Command = mod[commandName];
  if (!Command) throw new Error(`aws-sdk:${service}:${action} is not a known API action`);
  try {
    const { $metadata, ...out } = await client.send(new Command(input));
    void $metadata;
    return out;
  } catch (error: any) {
    // Step Functions names SDK errors `<Service>.<ErrorName>` for Retry/Catch matching.
    const svc = service === 'dynamodb' ? 'DynamoDb' : service.charAt(0).toUpperCase() + service.slice(1);
    throw Object.assign(new Error(error?.message ?? String(error)), { name: `${svc}.${error?.name ?? 'Error'}` });
  }
}
