import { Token, Validations, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AwsSolutions pack runs at every synth (`infra/bin/app.ts`, and the tests): any finding
 * that is not acknowledged stops the synth. Acknowledgements go through `justify`, next to the
 * construct they cover, each with its reason; an IAM5 finding is acknowledged per resource
 * (`AwsSolutions-IAM5[Resource::…]`), never for a whole role.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/** Acknowledges rules on a construct (and everything under it), each with the reason it is acceptable. */
export function justify(construct: IConstruct, reasons: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(construct).acknowledge({ id, reason });
}

/**
 * How cdk-nag writes a stack's account and region inside a finding id: `<AWS::AccountId>` and
 * `<AWS::Region>` when the synth is environment-agnostic, the literal values when the CLI set them.
 */
export function nagEnv(stack: Stack): { account: string; region: string } {
  return {
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
    region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
  };
}
