import { NotFoundPage } from '../not-found/not-found-page';

export function FindingsPage() {
  return <NotFoundPage />;
}
