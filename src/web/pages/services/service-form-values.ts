import dayjs from 'dayjs';
import { CHECKLIST_FINDINGS, VISIT_CHECKLIST, type ChecklistSection, type ServiceKind, type ServiceTypeCode } from '../../../shared/codes';
import type { FieldName } from '../../components/form-errors';
import { TIME_ZONE } from '../../components/format';
import type { CreateServiceRequest, ServiceRecord, VisitChecklist } from './service-types';

/** One checklist section as the form holds it: item → finding, and the section's note. */
export type ChecklistSectionValues = Record<string, string | null | undefined>;
export type ChecklistValues = Partial<Record<ChecklistSection, ChecklistSectionValues>>;

/**
 * The service form's values. Times are the stations' wall-clock (Asia/Shanghai) as the native
 * pickers give them: `startedAt` `YYYY-MM-DDTHH:mm`, `followUpOn` `YYYY-MM-DD`.
 */
export interface ServiceFormValues {
  kind?: ServiceKind;
  serviceTypes?: ServiceTypeCode[];
  startedAt?: string;
  durationMinutes?: number | null;
  summary?: string;
  wellbeing?: number | null;
  followUpNeeded?: boolean;
  followUpOn?: string | null;
  goods?: string | null;
  workerIds?: string[];
  volunteerIds?: string[];
  checklist?: ChecklistValues;
}

/** What the form sends: the record's own fields, without the id and the person. */
export type ServiceFields = Omit<CreateServiceRequest, 'id' | 'personId' | 'caseId' | 'taskId' | 'goalIds'>;

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm';

/** The stations' wall-clock time of an instant, as a datetime-local input shows it. */
export function wallClockOf(instant: string | Date): string {
  return dayjs(instant).tz(TIME_ZONE).format(WALL_CLOCK);
}

/** `2026-11-29T10:30` in Asia/Shanghai → `2026-11-29T10:30:00+08:00`. */
export function instantOf(wallClock: string): string {
  return dayjs.tz(wallClock, WALL_CLOCK, TIME_ZONE).format();
}

function isFinding(value: unknown): value is keyof typeof CHECKLIST_FINDINGS {
  return typeof value === 'string' && Object.hasOwn(CHECKLIST_FINDINGS, value);
}

/** The checklist as the API takes it: only answered items and non-empty notes; null when nothing is filled in. */
export function cleanChecklist(values: ChecklistValues | null | undefined): VisitChecklist | null {
  if (!values) return null;
  const out: Partial<Record<ChecklistSection, Record<string, string>>> = {};
  for (const section of Object.keys(VISIT_CHECKLIST) as ChecklistSection[]) {
    const given = values[section];
    if (!given) continue;
    const kept: Record<string, string> = {};
    for (const item of Object.keys(VISIT_CHECKLIST[section].items)) {
      const finding = given[item];
      if (isFinding(finding)) kept[item] = finding;
    }
    const note = typeof given.note === 'string' ? given.note.trim() : '';
    if (note) kept.note = note;
    if (Object.keys(kept).length > 0) out[section] = kept;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** The form's values as the fields of a create or correct request. */
export function toServiceFields(values: ServiceFormValues, options: { withChecklist: boolean }): ServiceFields {
  const followUpNeeded = values.followUpNeeded === true;
  return {
    kind: values.kind ?? 'home_visit',
    serviceTypes: values.serviceTypes ?? [],
    startedAt: values.startedAt ? instantOf(values.startedAt) : '',
    durationMinutes: values.durationMinutes ?? 0,
    summary: values.summary?.trim() ?? '',
    wellbeing: values.wellbeing ?? null,
    followUpNeeded,
    followUpOn: followUpNeeded ? (values.followUpOn ?? null) : null,
    goods: trimmedOrNull(values.goods),
    workerIds: values.workerIds ?? [],
    volunteerIds: values.volunteerIds ?? [],
    checklist: options.withChecklist && values.kind === 'home_visit' ? cleanChecklist(values.checklist) : null,
  };
}

/** A saved record as the form's values (for a correction). */
export function fromRecord(record: ServiceRecord): ServiceFormValues {
  const checklist: ChecklistValues = {};
  for (const [section, items] of Object.entries(record.checklist ?? {})) {
    if (Object.hasOwn(VISIT_CHECKLIST, section)) checklist[section as ChecklistSection] = { ...items };
  }
  return {
    kind: record.kind,
    serviceTypes: record.serviceTypes,
    startedAt: wallClockOf(record.startedAt),
    durationMinutes: record.durationMinutes,
    summary: record.summary,
    wellbeing: record.wellbeing,
    followUpNeeded: record.followUpNeeded,
    followUpOn: record.followUpOn,
    goods: record.goods,
    workerIds: record.workers.map((w) => w.id),
    volunteerIds: record.volunteers.map((v) => v.id),
    checklist,
  };
}

/** The fields of `next` that differ from `base`: what a correction sends. */
export function changedFields(base: ServiceFields, next: ServiceFields): Partial<ServiceFields> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof ServiceFields>) {
    if (JSON.stringify(base[key] ?? null) !== JSON.stringify(next[key] ?? null)) changes[key] = next[key];
  }
  return changes;
}

const FORM_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'serviceTypes',
  'startedAt',
  'durationMinutes',
  'summary',
  'wellbeing',
  'followUpOn',
  'goods',
  'workerIds',
  'volunteerIds',
]);

/** The form field that shows a server issue at `segments` (`['checklist', 'health', 'note']`), or null. */
export function fieldForIssue(segments: readonly string[]): FieldName | null {
  const [first = '', second = '', third = ''] = segments;
  if (first === 'checklist') {
    if (Object.hasOwn(VISIT_CHECKLIST, second) && third) return ['checklist', second, third];
    return null;
  }
  if (first === 'followUpNeeded') return 'followUpOn';
  return FORM_FIELDS.has(first) ? first : null;
}

/** Counts of a checklist section: items answered, and items found of concern. */
export function sectionCounts(section: ChecklistSection, values: ChecklistSectionValues | undefined): { done: number; total: number; concerns: number } {
  const items = Object.keys(VISIT_CHECKLIST[section].items);
  let done = 0;
  let concerns = 0;
  for (const item of items) {
    const value = values?.[item];
    if (isFinding(value)) done += 1;
    if (value === 'concern') concerns += 1;
  }
  return { done, total: items.length, concerns };
}
