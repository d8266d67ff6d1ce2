import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, MAX_BYTES } from '../../../shared/parse/decode.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';

const example = readFileSync(new URL('../../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url), 'utf8');

function rejection(bytes: Uint8Array): RejectedInput {
  try {
    decodeText(bytes);
  } catch (error) {
    if (error instanceof RejectedInput) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark, without warnings', () => {
    const plain = decodeText(Buffer.from(example, 'utf8'));
    const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example, 'utf8')]));
    expect(plain).toEqual({ text: example, encoding: 'utf-8', warnings: [] });
    expect(bom.text).toBe(example);
  });

  it('reads UTF-16 little- and big-endian by their byte-order mark', () => {
    expect(decodeText(utf16(example, 'le'))).toMatchObject({ text: example, encoding: 'utf-16le' });
    expect(decodeText(utf16(example, 'be'))).toMatchObject({ text: example, encoding: 'utf-16be' });
  });

  it('falls back to windows-1252 for an article that is not UTF-8, with a warning', () => {
    // As the BBC corpus's one such file: ASCII headline, then a Latin-1 byte in the body (0xA3, the pound sign).
    const bytes = Buffer.concat([Buffer.from('Chelsea sack Mutu\n\nThe club paid '), Uint8Array.from([0xa3]), Buffer.from('15.8m for him.\n')]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
    expect(decoded.text).toBe('Chelsea sack Mutu\n\nThe club paid £15.8m for him.\n');
  });

  it('maps windows-1252 bytes to their characters (curly quotes, euro sign)', () => {
    const decoded = decodeText(Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35]));
    expect(decoded.text).toBe('“Hi” €5');
  });

  it('never keeps control characters: bytes windows-1252 leaves undefined are dropped, with a warning', () => {
    const bytes = Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x20, 0x93, 0x48, 0x69, 0x94, 0x20, 0x74, 0x68, 0x69, 0x6e, 0x67, 0x73]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe(' “Hi” things');
    expect(decoded.warnings).toEqual(['not valid UTF-8: decoded as windows-1252', 'dropped 5 control characters']);
  });

  it('keeps a page with a few stray NUL and control bytes as text, without them', () => {
    const page = `<!doctype html><html><body><p>${'A normal saved news page. '.repeat(200)}</p>\u0000\u0001\u001b</body></html>`;
    const decoded = decodeText(Buffer.from(page, 'utf8'));
    expect(decoded.text).toBe(page.replaceAll('\u0000', '').replaceAll('\u0001', '').replaceAll('\u001b', ''));
    expect(decoded.warnings).toEqual(['dropped 3 control characters']);
  });

  it('reads a page that is not UTF-8 in the charset it declares', () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>', 'ascii');
    const title = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GB2312
    const decoded = decodeText(Buffer.concat([head, title, Buffer.from('</title></head></html>', 'ascii')]));
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toContain('<title>你好</title>');
  });

  it('keeps a UTF-8 page with a broken byte UTF-8, whether it says so or not, so its other characters stay whole', () => {
    const body = Buffer.from('<title>Kleine Schafskunde | Mäscot das Schaf</title><p>Schöne Grüße aus Köln.</p>'.repeat(5), 'utf8');
    for (const head of ['<meta charset="UTF-8">', '']) {
      const decoded = decodeText(Buffer.concat([Buffer.from(head), body, Uint8Array.from([0xe4, 0x20])]));
      expect(decoded).toMatchObject({ encoding: 'utf-8', warnings: ['not valid UTF-8: 1 broken byte sequence replaced'] });
      expect(decoded.text).toContain('Mäscot das Schaf');
    }
  });

  it('rejects empty and whitespace-only input as empty', () => {
    expect(rejection(new Uint8Array()).code).toBe('empty');
    expect(rejection(Buffer.from(' \n\t\r\n')).code).toBe('empty');
  });

  it('rejects binary input, naming the format when it is a known one', () => {
    const png = rejection(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(png.code).toBe('binary');
    expect(png.message).toContain('PNG');
    expect(rejection(Buffer.from('%PDF-1.7\n%âãÏÓ\n')).message).toContain('PDF');
    expect(rejection(Buffer.from('text\u0000with\u0000nuls')).code).toBe('binary');
  });

  it('rejects input over the size limit before decoding it', () => {
    const error = rejection(new Uint8Array(MAX_BYTES + 1).fill(0x61));
    expect(error.code).toBe('too-large');
    expect(decodeText(new Uint8Array(MAX_BYTES).fill(0x61)).text).toHaveLength(MAX_BYTES);
  });
});
