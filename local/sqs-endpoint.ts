import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalQueue } from './queue.ts';

export interface LocalSqsEndpoint {
  queueUrl: string;
  close(): Promise<void>;
}

/**
 * Just enough of the SQS API (JSON protocol: SendMessage, SendMessageBatch) for the SDK's SQSClient to put
 * messages on the local queue. It lets tools that feed the queue on AWS, such as `npm run reprocess`, run
 * unchanged against the local pipeline: only the queue URL differs.
 */
export async function startLocalSqsEndpoint(queue: LocalQueue, queueName: string, port: number): Promise<LocalSqsEndpoint> {
  const server = createServer((request, response) => {
    void handle(queue, request, response).catch((error: unknown) =>
      reply(response, 400, { __type: 'com.amazonaws.sqs#InvalidParameterValue', message: String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    queueUrl: `http://localhost:${actualPort}/000000000000/${queueName}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface SendEntry {
  Id: string;
  MessageBody: string;
}

async function handle(queue: LocalQueue, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { MessageBody?: string; Entries?: SendEntry[] };
  const action = String(request.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
  switch (action) {
    case 'SendMessage': {
      const body = required(input.MessageBody, 'MessageBody');
      return reply(response, 200, { MessageId: queue.send(body), MD5OfMessageBody: md5(body) });
    }
    case 'SendMessageBatch': {
      const entries = input.Entries ?? [];
      const Successful = entries.map(({ Id, MessageBody }) => ({
        Id,
        MessageId: queue.send(required(MessageBody, 'MessageBody')),
        MD5OfMessageBody: md5(MessageBody),
      }));
      return reply(response, 200, { Successful, Failed: [] });
    }
    default:
      return reply(response, 400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `the local queue does not support ${action || 'this request'}` });
  }
}

function required(value: string | undefined, name: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${name} is required`);
  return value;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(body));
}
