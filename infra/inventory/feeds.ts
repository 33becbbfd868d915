import { Construct } from 'constructs';
import type { Platform } from '../constructs/platform.js';

/** Inventory feeds: S3 uploads under a tenant prefix, streamed, validated, diffed and applied. */
export class Feeds extends Construct {
  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    void platform;
  }
}
