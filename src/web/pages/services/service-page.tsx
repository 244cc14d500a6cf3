import { NotFoundPage } from '../not-found/not-found-page';

export function ServicePage() {
  return <NotFoundPage />;
}
