import { Construct } from 'constructs';
import type { Platform } from '../constructs/platform.js';

/** Stock adjustments, the order webhook, and low-stock alerts. */
export class StockApi extends Construct {
  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    void platform;
  }
}
