export function ServicesHomeCards() {
  return null;
}
