import type { Person } from '../people/people-types';

export function PersonServicesCard(_props: { person: Person }) {
  return null;
}
