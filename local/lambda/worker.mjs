// One Lambda "container": a worker thread with its own process.env (the function's
// environment from the template), which loads the handler source once and serves
// invocations, so module-level clients are reused exactly as in AWS.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const mod = await import(pathToFileURL(workerData.entryPath).href);
const handler = mod[workerData.handlerName];
if (typeof handler !== 'function') throw new Error(`${workerData.entryPath} exports no function "${workerData.handlerName}"`);

parentPort.on('message', async ({ id, event, deadline, requestId }) => {
  const context = {
    awsRequestId: requestId,
    functionName: workerData.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: workerData.functionArn,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/${workerData.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const result = await handler(event, context);
    parentPort.postMessage({ id, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    parentPort.postMessage({
      id,
      error: { errorType: error?.name ?? 'Error', errorMessage: error?.message ?? String(error), stack: String(error?.stack ?? '') },
    });
  }
});
parentPort.postMessage({ ready: true });
