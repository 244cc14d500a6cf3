import type { Person } from '../people/people-types';

export function PersonCasesCard(_props: { person: Person }) {
  return null;
}
