/** Why an object cannot become an article. A permanent condition: retrying will not change it. */
export type RejectionCode = 'empty' | 'binary' | 'too-large' | 'bad-encoding' | 'unparseable' | 'no-body';

export class RejectedInput extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedInput';
  }
}
