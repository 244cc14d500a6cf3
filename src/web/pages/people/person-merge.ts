import type { PersonRequest } from './person-form-values';

/** Sections whose items are compared one by one (a guardian's change and a school's change do not clash). */
const SECTIONS = ['child', 'elder'] as const;

export type MergeChoice = 'theirs' | 'mine';

export interface MergeRow {
  /** `phone`, or `child.school` inside a section. */
  path: string;
  base: unknown;
  theirs: unknown;
  mine: unknown;
  /** Whether you changed this item from what you loaded. */
  mineChanged: boolean;
  /** Yours where you changed it, theirs where you did not. */
  defaultChoice: MergeChoice;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function section(request: PersonRequest, key: (typeof SECTIONS)[number]): Record<string, unknown> {
  const value: unknown = request[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function valueAt(request: PersonRequest, path: string): unknown {
  const [head, sub] = path.split('.') as [string, string | undefined];
  if (sub === undefined) return Reflect.get(request, head);
  return section(request, head as (typeof SECTIONS)[number])[sub];
}

function paths(requests: readonly PersonRequest[]): string[] {
  const out: string[] = [];
  const add = (path: string) => {
    if (!out.includes(path)) out.push(path);
  };
  for (const request of requests) {
    for (const key of Object.keys(request)) {
      if ((SECTIONS as readonly string[]).includes(key)) {
        for (const sub of Object.keys(section(request, key as (typeof SECTIONS)[number]))) add(`${key}.${sub}`);
      } else add(key);
    }
  }
  return out;
}

/**
 * The items on which what they saved and what you typed differ. Where both made the same change
 * there is nothing to choose, so it is not listed.
 */
export function mergeRows(base: PersonRequest, theirs: PersonRequest, mine: PersonRequest): MergeRow[] {
  return paths([base, theirs, mine])
    .map((path) => {
      const row = { path, base: valueAt(base, path), theirs: valueAt(theirs, path), mine: valueAt(mine, path) };
      const mineChanged = !same(row.base, row.mine) && row.mine !== undefined;
      return { ...row, mineChanged, defaultChoice: mineChanged ? 'mine' : 'theirs' } satisfies MergeRow;
    })
    // An item you did not send (a section you did not see, an identity number you did not retype) stays theirs.
    .filter((row) => row.mine !== undefined && !same(row.theirs, row.mine));
}

/** Their saved file with your values where you chose yours. */
export function applyChoices(theirs: PersonRequest, rows: readonly MergeRow[], choices: Readonly<Record<string, MergeChoice>>): PersonRequest {
  const merged: PersonRequest = structuredClone(theirs);
  for (const row of rows) {
    if ((choices[row.path] ?? row.defaultChoice) !== 'mine') continue;
    const [head, sub] = row.path.split('.') as [string, string | undefined];
    if (sub === undefined) {
      Reflect.set(merged, head, row.mine);
      continue;
    }
    const key = head as (typeof SECTIONS)[number];
    const next: Record<string, unknown> = { ...section(merged, key), [sub]: row.mine ?? null };
    const empty = Object.values(next).every((v) => v === null || v === undefined);
    Reflect.set(merged, key, empty ? null : next);
  }
  return merged;
}
