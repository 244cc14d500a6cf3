import { createHash } from 'node:crypto';
import { SERVICE_TYPE_PARENT, VISIT_CHECKLIST, type ChecklistSection, type ServiceTypeCode } from '../../../shared/codes';
import type { VisitChecklist } from '../../../shared/schemas/services';

/** The record's service types with the professional service each reports under (DOMAIN.md), for filters and reports. */
export function reportTypes(serviceTypes: readonly ServiceTypeCode[]): string[] {
  const all = new Set<string>(serviceTypes);
  for (const type of serviceTypes) {
    const parent = SERVICE_TYPE_PARENT[type];
    if (parent) all.add(parent);
  }
  return [...all].sort();
}

/** Checklist items found of concern, as `section.item`, in the checklist's own order. */
export function concernsOf(checklist: VisitChecklist | null | undefined): string[] {
  if (!checklist) return [];
  const concerns: string[] = [];
  for (const section of Object.keys(VISIT_CHECKLIST) as ChecklistSection[]) {
    const found = checklist[section] as Record<string, string | null | undefined> | undefined;
    if (!found) continue;
    for (const item of Object.keys(VISIT_CHECKLIST[section].items)) {
      if (found[item] === 'concern') concerns.push(`${section}.${item}`);
    }
  }
  return concerns;
}

/** A checklist as stored: sections without any finding or note are left out. */
export function storedChecklist(checklist: VisitChecklist | null | undefined): Record<string, Record<string, string | null>> | null {
  if (!checklist) return null;
  const stored: Record<string, Record<string, string | null>> = {};
  for (const section of Object.keys(VISIT_CHECKLIST) as ChecklistSection[]) {
    const found = checklist[section] as Record<string, string | null | undefined> | undefined;
    if (!found) continue;
    const kept = Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined && value !== null && value !== ''));
    if (Object.keys(kept).length > 0) stored[section] = kept as Record<string, string | null>;
  }
  return Object.keys(stored).length > 0 ? stored : null;
}

/** JSON with object keys sorted, so two equal contents hash the same whatever order the client sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The fingerprint of what a client sent, to tell a retried request (same id, same content → the
 * existing record) from a different record reusing an id (→ 409 DUPLICATE).
 */
export function contentHash(content: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(content)).digest('base64url');
}
