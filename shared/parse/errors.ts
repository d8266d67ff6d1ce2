import type { RejectionCode } from '../model/ingestion.ts';

export class RejectedInput extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedInput';
  }
}
