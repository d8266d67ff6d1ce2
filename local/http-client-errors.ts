import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblem, invalidParameters, problemResponse } from '../functions/api/problem.ts';

/**
 * Requests Node's HTTP parser refuses before any handler runs, answered as the API answers errors (a
 * problem+json) instead of Node's bare `400` with no body. The common one: curl sends a URL typed with
 * non-ASCII characters (`?prefix=erdoğ`) as raw UTF-8, which API Gateway passes through but Node's parser
 * rejects; the answer names the parameter and shows it percent-encoded, which both accept. The parser
 * cannot go on after such an error, so the connection closes.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const target = requestTarget(error.rawPacket);
  const path = target?.split('?', 1)[0];
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new HttpProblem(431, 'the request headers are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new HttpProblem(408, 'the request was not received in time')
        : error.code === 'HPE_INVALID_URL' && target !== undefined
          ? unencodedUrlProblem(target)
          : new HttpProblem(400, 'the request is not valid HTTP');
  const { statusCode = 400, headers = {}, body = '' } = problemResponse(problem, path);
  const head = [`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}`];
  for (const [name, value] of Object.entries({ ...headers, 'Content-Length': Buffer.byteLength(body), Connection: 'close' })) head.push(`${name}: ${String(value)}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** The request line's target (`/speakers?prefix=erdoğ`) from the bytes the parser stopped at, read as UTF-8. */
function requestTarget(rawPacket: Buffer | undefined): string | undefined {
  const requestLine = rawPacket?.toString('utf8').split('\r\n', 1)[0];
  const target = requestLine?.split(' ')[1];
  return target?.startsWith('/') ? target : undefined;
}

/** Bytes a URL may carry as they are (visible ASCII); anything else must be percent-encoded. */
const NOT_URL_SAFE = /[^\x21-\x7e]+/gu;
const percentEncoded = (text: string) => text.replace(NOT_URL_SAFE, (run) => encodeURIComponent(run));

function unencodedUrlProblem(target: string): HttpProblem {
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (percentEncoded(path) !== path) return new HttpProblem(400, `the path must be percent-encoded: ${percentEncoded(path)}`);
  const query = queryAt < 0 ? '' : target.slice(queryAt + 1);
  const errors = query
    .split('&')
    .filter((pair) => percentEncoded(pair) !== pair)
    .map((pair) => ({ parameter: decodeSafely(percentEncoded(pair.split('=', 1)[0]!)), message: `must be percent-encoded: ${percentEncoded(pair)}` }));
  return errors.length > 0 ? invalidParameters(errors) : new HttpProblem(400, 'the request URL is not valid');
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
