import { NotFoundPage } from '../not-found/not-found-page';

export function CasePage() {
  return <NotFoundPage />;
}
