import { printEndpoints, startFromCommandLine, stopOnSignal } from './cli.ts';

/**
 * `npm start`: the whole pipeline on this machine, data kept under .data/ across restarts.
 * Ports: PORT (HTTP API, 3000), S3_PORT (4569), DYNAMODB_PORT (4567), SQS_PORT (4576).
 * Handler log level: POWERTOOLS_LOG_LEVEL (INFO).
 */
const pipeline = await startFromCommandLine();
printEndpoints(pipeline);
stopOnSignal(pipeline);
