import { Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Platform } from './constructs/platform.js';
import { Inventory } from './inventory/index.js';
import { Tenants } from './tenants.js';

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
    new Tenants(this, 'Tenants', this.platform);
    new Inventory(this, 'Inventory', this.platform);
  }
}
