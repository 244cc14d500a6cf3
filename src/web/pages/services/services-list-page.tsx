import { NotFoundPage } from '../not-found/not-found-page';

export function ServicesListPage() {
  return <NotFoundPage />;
}
