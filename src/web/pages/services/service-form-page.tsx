import { NotFoundPage } from '../not-found/not-found-page';

export function ServiceFormPage() {
  return <NotFoundPage />;
}
