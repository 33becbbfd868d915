import { describe, expect, it } from 'vitest';
import { transformInput, type BusEvent } from '../../../local/eventbridge/bus.js';

const event: BusEvent = {
  version: '0', id: 'e1', 'detail-type': 'T', source: 's', account: '1', time: 't', region: 'r', resources: [],
  detail: { tenantId: 'ta', data: { sku: 'S-1', qty: 3 } },
};
const base = { id: 'x', arn: 'arn', maxRetries: 0, maxEventAgeSeconds: 60 };

describe('EventBridge target input', () => {
  it('passes the whole event by default', () => expect(transformInput(base, event)).toEqual(event));
  it('applies a constant Input', () => expect(transformInput({ ...base, input: '{"a":1}' }, event)).toEqual({ a: 1 }));
  it('applies InputPath', () => expect(transformInput({ ...base, inputPath: '$.detail.data' }, event)).toEqual({ sku: 'S-1', qty: 3 }));
  it('applies an InputTransformer with strings and numbers', () => {
    const out = transformInput(
      { ...base, inputTransformer: { InputPathsMap: { sku: '$.detail.data.sku', qty: '$.detail.data.qty' }, InputTemplate: '{"item":"<sku>","n":<qty>}' } },
      event,
    );
    expect(out).toEqual({ item: 'S-1', n: 3 });
  });
});
