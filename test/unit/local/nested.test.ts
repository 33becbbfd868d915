import { describe, expect, it } from 'vitest';
import { flattenStacks, type StackTree } from '../../../local/template/nested.js';
import { buildLocalModel } from '../../../local/template/model.js';

// A root with a table and two nested stacks: Orders gets the table's name and ARN as parameters
// and exports its function's ARN; Alerts gets that output (nested → nested through the root).
const tree: StackTree = {
  name: 'Root',
  template: {
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'tbl' } },
      OrdersStack: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { Parameters: { refTableName: { Ref: 'Table' }, refTableArn: { 'Fn::GetAtt': ['Table', 'Arn'] } } },
      },
      AlertsStack: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { Parameters: { refOrdersFn: { 'Fn::GetAtt': ['OrdersStack', 'Outputs.OrdersFnArn'] } } },
        DependsOn: ['OrdersStack'],
      },
    },
  },
  children: {
    OrdersStack: {
      name: 'Orders',
      template: {
        Parameters: { refTableName: { Type: 'String' }, refTableArn: { Type: 'String' } },
        Resources: {
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Environment: { Variables: { TABLE_NAME: { Ref: 'refTableName' }, SUB: { 'Fn::Sub': 'arn=${refTableArn} role=${Role.Arn}' } } } },
            Metadata: { 'Restock:Entry': 'functions/orders.ts' },
            DependsOn: ['Role'],
          },
          Role: { Type: 'AWS::IAM::Role' },
        },
        Outputs: { OrdersFnArn: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
      },
      children: {},
    },
    AlertsStack: {
      name: 'Alerts',
      template: {
        Parameters: { refOrdersFn: { Type: 'String' } },
        Resources: {
          AlertsFn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { ORDERS: { Ref: 'refOrdersFn' } } } }, Metadata: { 'Restock:Entry': 'functions/alerts.ts' } },
        },
      },
      children: {},
    },
  },
};

describe('flattening nested stacks for the local runtime', () => {
  const flat = flattenStacks(tree);

  it('merges every stack’s resources, prefixing nested ids with the stack’s name, and drops the stack resources', () => {
    expect(Object.keys(flat.Resources).sort()).toEqual(['AlertsFn', 'OrdersFn', 'OrdersRole', 'Table']);
    expect(flat.Resources.OrdersFn!.DependsOn).toEqual(['OrdersRole']);
  });

  it('replaces parameter references with what the parent passes, in Sub strings too', () => {
    const env = flat.Resources.OrdersFn!.Properties!.Environment.Variables;
    expect(env.TABLE_NAME).toEqual({ Ref: 'Table' });
    expect(env.SUB).toEqual({ 'Fn::Sub': ['arn=${refTableArn} role=${OrdersRole.Arn}', { refTableArn: { 'Fn::GetAtt': ['Table', 'Arn'] } }] });
  });

  it('resolves one nested stack’s output into another’s parameter', () => {
    expect(flat.Resources.AlertsFn!.Properties!.Environment.Variables.ORDERS).toEqual({ 'Fn::GetAtt': ['OrdersFn', 'Arn'] });
    const model = buildLocalModel(flat, { api: 'http://api', aws: 'http://aws', s3: 'http://s3' });
    const alerts = model.functions.find((f) => f.logicalId === 'AlertsFn')!;
    expect(alerts.environment.ORDERS).toBe(model.functions.find((f) => f.logicalId === 'OrdersFn')!.arn);
    expect(model.functions.find((f) => f.logicalId === 'OrdersFn')!.environment.TABLE_NAME).toBe('tbl');
  });

  it('refuses two resources with one id instead of letting one shadow the other', () => {
    const clash: StackTree = { ...tree, template: { Resources: { ...tree.template.Resources, OrdersRole: { Type: 'AWS::IAM::Role' } } } };
    expect(() => flattenStacks(clash)).toThrow(/OrdersRole exists in two stacks/);
  });
});
