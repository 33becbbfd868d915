import { Names, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { IConstruct } from 'constructs';
import { HouseFunction } from './constructs/house-function.js';
import type { RestockStack } from './restock-stack.js';

const ack = (scope: IConstruct, finding: string, reason: string) =>
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${finding}`, reason });

/**
 * cdk-nag acknowledgments, each on one resource for one finding with its reason. They are
 * derived per resource (every house function, every state machine), never stack-wide, so a
 * new kind of finding on a new resource still fails synthesis.
 */
export function suppressPlatformWideFindings(stack: RestockStack): void {
  const table = stack.platform.table.node.defaultChild as CfnResource;
  for (const node of stack.node.findAll()) {
    if (node instanceof HouseFunction) {
      ack(node, 'L1', 'Node.js 22 is the deliberate runtime of every Restock function (nodejs22.x), upgraded on purpose, not by drift.');
      const role = node.role!;
      ack(role, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'Basic execution role only writes the function\'s own CloudWatch logs.');
      ack(role, 'IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.');
      ack(role, `IAM5[Resource::${nagRef(node, table, 'Arn')}/index/*]`, 'Access to the single table includes its own secondary indexes.');
      ack(role, 'IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]', 'Senders are configured per deployment; SES identities are verified out of band.');
    }
    if (node.node.id.startsWith('BucketNotificationsHandler') && node.node.tryFindChild('Role')) {
      ack(node.node.findChild('Role'), 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK\'s own singleton that turns on the feeds bucket\'s EventBridge notifications; it only writes its logs.');
    }
    if (node instanceof StateMachine) {
      const role = node.role;
      for (const fn of Stack.of(node).node.findAll().filter((n): n is CfnFunction => n instanceof CfnFunction && Stack.of(n) === Stack.of(node))) {
        ack(role, `IAM5[Resource::${nagRef(node, fn, 'Arn')}:*]`, 'Invoking a task function includes its versions and aliases.');
      }
      ack(role, 'IAM5[Resource::*]', 'X-Ray and CloudWatch Logs delivery actions do not support resource-level permissions.');
    }
  }
}

/**
 * How cdk-nag names an attribute of `target` in a policy of `scope`'s stack: `<Id.Attr>` in the
 * same stack, or the parameter CDK creates to pass it into a nested stack.
 */
export function nagRef(scope: IConstruct, target: CfnResource, attr: string): string {
  const here = Stack.of(scope);
  const owner = Stack.of(target);
  if (here === owner) return `<${owner.getLogicalId(target)}.${attr}>`;
  if (here.nestedStackParent !== owner) throw new Error(`nagRef: ${target.node.path} is not in ${here.node.path} or its parent`);
  // CDK's name for the parameter (core/lib/private/refs.ts generateUniqueId, then the logical id of a top-level id).
  return `<${`reference-to-${Names.nodeUniqueId(target.node)}${attr}`.replace(/[^A-Za-z0-9]/g, '')}>`;
}

/**
 * `stateMachine.grantRead(fn)` allows Describe/Stop on that machine's executions only
 * (`execution:<name>:*`): the wildcard is the execution id, which is not known in advance.
 */
export function acknowledgeExecutionRead(role: IRole, stateMachine: StateMachine): void {
  const stack = Stack.of(stateMachine);
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const logicalId = stack.getLogicalId(stateMachine.node.defaultChild as CfnResource);
  const name = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId}"}]}]}`;
  ack(role, `IAM5[Resource::arn:<AWS::Partition>:states:${region}:<AWS::AccountId>:execution:${name}:*]`, 'Reads only the executions of its own state machine; execution ids are not known in advance.');
}
