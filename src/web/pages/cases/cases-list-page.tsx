import { NotFoundPage } from '../not-found/not-found-page';

export function CasesListPage() {
  return <NotFoundPage />;
}
