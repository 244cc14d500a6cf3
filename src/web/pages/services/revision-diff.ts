import { VISIT_CHECKLIST, type ChecklistSection } from '../../../shared/codes';
import type { ServiceRecord, ServiceRevision } from './service-types';

/**
 * The history of a record's corrections as "what changed": each revision holds the content a
 * record had before a correction, so the change of a correction is that content against the next
 * one (the next revision's, or the record as it is now).
 */
export const REVISION_FIELDS = [
  'kind',
  'serviceTypes',
  'startedAt',
  'durationMinutes',
  'summary',
  'wellbeing',
  'followUpNeeded',
  'followUpOn',
  'goods',
  'workerIds',
  'volunteerIds',
  'caseId',
] as const;
export type RevisionField = (typeof REVISION_FIELDS)[number];

/** A change of one field, or of one checklist item / section note (`field` is then `checklist`). */
export type Change =
  | { field: RevisionField; before: unknown; after: unknown }
  | { field: 'checklist'; key: string; before: string | null; after: string | null };

export interface Correction {
  /** The version the correction made. */
  version: number;
  changedAt: string;
  changedBy: { id: string; name: string };
  changes: Change[];
}

/** A record as the revisions store content, so the newest revision compares with it. */
export function recordAsContent(record: ServiceRecord): Record<string, unknown> {
  return {
    kind: record.kind,
    serviceTypes: record.serviceTypes,
    startedAt: record.startedAt,
    durationMinutes: record.durationMinutes,
    summary: record.summary,
    wellbeing: record.wellbeing,
    followUpNeeded: record.followUpNeeded,
    followUpOn: record.followUpOn,
    goods: record.goods,
    workerIds: record.workers.map((w) => w.id),
    volunteerIds: record.volunteers.map((v) => v.id),
    caseId: record.caseId,
    checklist: record.checklist,
  };
}

/** JSON with sorted keys and `undefined` as `null`, so equal values compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Date.parse(a);
  const y = Date.parse(b);
  return !Number.isNaN(x) && x === y;
}

function checklistValue(checklist: unknown, section: string, key: string): string | null {
  if (typeof checklist !== 'object' || checklist === null) return null;
  const items: unknown = Reflect.get(checklist, section);
  if (typeof items !== 'object' || items === null) return null;
  const value: unknown = Reflect.get(items, key);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The checklist items and notes that differ, as `section.item` / `section.note`. */
function checklistChanges(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  for (const section of Object.keys(VISIT_CHECKLIST) as ChecklistSection[]) {
    for (const key of [...Object.keys(VISIT_CHECKLIST[section].items), 'note']) {
      const was = checklistValue(before, section, key);
      const is = checklistValue(after, section, key);
      if (was !== is) changes.push({ field: 'checklist', key: `${section}.${key}`, before: was, after: is });
    }
  }
  return changes;
}

export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  for (const field of REVISION_FIELDS) {
    const was = before[field];
    const is = after[field];
    if (field === 'startedAt' && sameInstant(was, is)) continue;
    if (canonical(was) !== canonical(is)) changes.push({ field, before: was ?? null, after: is ?? null });
  }
  return [...changes, ...checklistChanges(before.checklist, after.checklist)];
}

/** Every correction of a record, newest first, each with what it changed. */
export function corrections(record: ServiceRecord, revisions: readonly ServiceRevision[]): Correction[] {
  const byVersion = new Map(revisions.map((revision) => [revision.version, revision.content]));
  return [...revisions]
    .sort((a, b) => b.version - a.version)
    .map((revision) => ({
      version: revision.version + 1,
      changedAt: revision.changedAt,
      changedBy: revision.changedBy,
      changes: changesBetween(revision.content, byVersion.get(revision.version + 1) ?? recordAsContent(record)),
    }));
}
