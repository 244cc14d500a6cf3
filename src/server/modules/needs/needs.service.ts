import type { Ctx } from '../../context';
import type { NeedSource, NeedTypeCode } from '../../../shared/codes';

export interface NeedsIdentified {
  stationId: string;
  personId: string;
  villageId: string;
  needTypes: readonly NeedTypeCode[];
  source: NeedSource;
  /** The survey response, service record or case the needs were identified in. */
  sourceId: string | null;
  note?: string | null;
}

/**
 * Registers, inside the caller's transaction, the needs the person does not already have open
 * (identified or being served), each audited; returns the ids of the new ones. Called by the
 * survey intake for a linked respondent and by the case assessment.
 */
export async function registerNeeds(ctx: Ctx, input: NeedsIdentified): Promise<string[]> {
  void ctx;
  void input;
  throw new Error('registerNeeds: to be written with the needs register');
}
