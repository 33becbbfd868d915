import { Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Platform } from './constructs/platform.js';
import { Forecasting } from './forecasting.js';
import { Inventory } from './inventory/index.js';
import { Messaging } from './messaging.js';
import { Release } from './release.js';
import { Storefront } from './storefront.js';
import { Tenants } from './tenants.js';
import { Waitlist } from './waitlist.js';

export interface RestockStackProps extends StackProps {
  operatorKeySha256: string;
  senderEmail: string;
}

/** The whole Restock deployment: the platform plus one construct per capability. */
export class RestockStack extends Stack {
  readonly platform: Platform;

  constructor(scope: Construct, id: string, props: RestockStackProps) {
    super(scope, id, props);
    this.platform = new Platform(this, 'Platform', props);
    new Messaging(this, Messaging.ID, this.platform);
    new Tenants(this, 'Tenants', this.platform);
    new Inventory(this, 'Inventory', this.platform);
    new Storefront(this, 'Storefront', this.platform);
    new Forecasting(this, 'Forecasting', this.platform);
    new Waitlist(this, 'Waitlist', this.platform);
    new Release(this, 'Release', this.platform);
  }
}
