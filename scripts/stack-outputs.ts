import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/** The named outputs of a deployed stack (read with your usual AWS credentials); an error names any that is missing. */
export async function stackOutputs<Name extends string>(stackName: string, names: readonly Name[]): Promise<Record<Name, string>> {
  const { Stacks = [] } = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map((Stacks[0]?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const missing = names.filter((name) => !outputs.get(name));
  if (missing.length > 0) throw new Error(`stack ${stackName} has no ${missing.join(', ')} output${missing.length > 1 ? 's' : ''}`);
  return Object.fromEntries(names.map((name) => [name, outputs.get(name) as string])) as Record<Name, string>;
}
