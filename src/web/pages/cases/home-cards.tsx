export function CasesHomeCards() {
  return null;
}
