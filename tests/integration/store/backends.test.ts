import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_INDEXES } from '../../../shared/store/table.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';

for (const backend of dynamoBackends) {
  if (backend.skipReason) console.log(`skipping ${backend.name}: ${backend.skipReason}`);
}

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('$name', (backend) => {
  let dynamo: DynamoInstance;
  beforeAll(async () => {
    dynamo = await backend.start();
  });
  afterAll(async () => dynamo?.stop());

  it('creates the table with every index from table.ts', async () => {
    const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: dynamo.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(TABLE_INDEXES.map((index) => index.name));
  });
});
