import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from './port.ts';

/**
 * Pagination cursors: the position to resume from, signed with HMAC-SHA256 together with the query it
 * belongs to. An edited or forged cursor, or one made for another query (other speaker, range, kind…),
 * fails the signature check and is refused, so a cursor can never turn into a different query.
 */
export type CursorPosition = Record<string, string>;

export class CursorCodec {
  constructor(private readonly secret: string) {
    if (!secret) throw new Error('cursor secret must not be empty');
  }

  encode(query: readonly unknown[], position: CursorPosition): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.sign(query, payload)}`;
  }

  decode(query: readonly unknown[], cursor: string): CursorPosition {
    const [payload, signature, ...rest] = cursor.split('.');
    if (!payload || !signature || rest.length > 0) throw new InvalidCursorError();
    const expected = Buffer.from(this.sign(query, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidCursorError();
    let position: unknown;
    try {
      position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError();
    }
    if (!isPosition(position)) throw new InvalidCursorError();
    return position;
  }

  private sign(query: readonly unknown[], payload: string): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(query)).update('\n').update(payload).digest('base64url');
  }
}

function isPosition(value: unknown): value is CursorPosition {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((field) => typeof field === 'string')
  );
}
