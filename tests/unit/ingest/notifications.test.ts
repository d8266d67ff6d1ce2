import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey, objectChange, s3Records, sourceObject } from '../../../functions/ingest/notifications.ts';

// Shaped like the examples in the S3 user guide ("Event message structure").
const putRecord = {
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: 'us-east-1',
  eventTime: '2023-09-20T10:00:00.000Z',
  eventName: 'ObjectCreated:Put',
  userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
  requestParameters: { sourceIPAddress: '127.0.0.1' },
  responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId: 'articles',
    bucket: { name: 'articles', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::articles' },
    object: {
      key: 'news/Erdo%C4%9Fan+at+the+UN+%282023%29.txt',
      size: 2677,
      eTag: 'd41d8cd98f00b204e9800998ecf8427e',
      versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
      sequencer: '0055AED6DCD90281E5',
    },
  },
};

describe('S3 notifications in SQS messages', () => {
  it('decodes form-encoded keys: + is a space, %XX any other character, %2B a literal plus', () => {
    expect(decodeKey('news/Erdo%C4%9Fan+at+the+UN+%282023%29.txt')).toBe('news/Erdoğan at the UN (2023).txt');
    expect(decodeKey('a%2Bb+c.txt')).toBe('a+b c.txt');
  });

  it('encodes keys as S3 does, and decoding gives back any key', () => {
    expect(encodeKey('news/Erdoğan at the UN (2023).txt')).toBe('news/Erdo%C4%9Fan+at+the+UN+%282023%29.txt');
    expect(encodeKey('a+b c.txt')).toBe('a%2Bb+c.txt');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (key) => decodeKey(encodeKey(key)) === key));
  });

  it('turns a record into the source object the store keys on', () => {
    const [record] = s3Records(JSON.stringify({ Records: [putRecord] }));
    expect(sourceObject(record!)).toEqual({
      bucket: 'articles',
      key: 'news/Erdoğan at the UN (2023).txt',
      versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
      eTag: 'd41d8cd98f00b204e9800998ecf8427e',
      size: 2677,
      sequencer: '0055AED6DCD90281E5',
      eventTime: '2023-09-20T10:00:00.000Z',
    });
  });

  it('finds no records in the s3:TestEvent S3 sends when notifications are configured', () => {
    const testEvent = {
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2023-09-20T10:00:00.000Z',
      Bucket: 'articles',
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    };
    expect(s3Records(JSON.stringify(testEvent))).toEqual([]);
  });

  it('refuses a body that is not an S3 notification, so it ends in the DLQ instead of vanishing', () => {
    expect(() => s3Records('not json')).toThrow();
    expect(() => s3Records(JSON.stringify({ hello: 'world' }))).toThrow();
  });

  it('classifies events by what they did to the current version', () => {
    const change = (eventName: string, versionId?: string) => objectChange({ eventName, s3: { object: versionId ? { versionId } : {} } });
    expect(change('ObjectCreated:Put', 'v1')).toBe('created');
    expect(change('ObjectCreated:CompleteMultipartUpload')).toBe('created');
    expect(change('ObjectRemoved:DeleteMarkerCreated', 'marker-1')).toBe('removed');
    expect(change('LifecycleExpiration:DeleteMarkerCreated', 'marker-1')).toBe('removed');
    // An unversioned bucket (and s3rver): a delete names no version and removes the object.
    expect(change('ObjectRemoved:Delete')).toBe('removed');
    // One version deleted for good: non-current, current or a delete marker; only S3 can tell.
    expect(change('ObjectRemoved:Delete', 'v1')).toBe('version-removed');
    expect(change('LifecycleExpiration:Delete', 'v1')).toBe('version-removed');
    expect(change('ObjectRestore:Completed')).toBe('other');
  });
});
