import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../components/page-loading';
import { RouteError } from '../components/route-error';
import { hasPermission, useAuth } from './auth';
import type { Permission } from './types';

// Every area is its own chunk, so the sign-in page loads no table, tree or layout code.
const SignInPage = lazy(() => import('../pages/sign-in/sign-in-page').then((m) => ({ default: m.SignInPage })));
const AppLayout = lazy(() => import('./layout').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('../pages/home/home-page').then((m) => ({ default: m.HomePage })));
const PlacesPage = lazy(() => import('../pages/places/places-page').then((m) => ({ default: m.PlacesPage })));
const UsersPage = lazy(() => import('../pages/users/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const PeopleListPage = lazy(() => import('../pages/people/people-list-page').then((m) => ({ default: m.PeopleListPage })));
const PersonPage = lazy(() => import('../pages/people/person-page').then((m) => ({ default: m.PersonPage })));
const PersonCreatePage = lazy(() => import('../pages/people/person-form-page').then((m) => ({ default: m.PersonCreatePage })));
const PersonEditPage = lazy(() => import('../pages/people/person-form-page').then((m) => ({ default: m.PersonEditPage })));
const PeopleImportPage = lazy(() => import('../pages/people/import-page').then((m) => ({ default: m.PeopleImportPage })));
const ServicesListPage = lazy(() => import('../pages/services/services-list-page').then((m) => ({ default: m.ServicesListPage })));
const ServiceFormPage = lazy(() => import('../pages/services/service-form-page').then((m) => ({ default: m.ServiceFormPage })));
const ServicePage = lazy(() => import('../pages/services/service-page').then((m) => ({ default: m.ServicePage })));
const FindingsPage = lazy(() => import('../pages/services/findings-page').then((m) => ({ default: m.FindingsPage })));
const CasesListPage = lazy(() => import('../pages/cases/cases-list-page').then((m) => ({ default: m.CasesListPage })));
const CasePage = lazy(() => import('../pages/cases/case-page').then((m) => ({ default: m.CasePage })));
const CasePrintPage = lazy(() => import('../pages/cases/case-print-page').then((m) => ({ default: m.CasePrintPage })));
const TasksPage = lazy(() => import('../pages/tasks/tasks-page').then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import('../pages/tasks/task-page').then((m) => ({ default: m.TaskPage })));
const CareAlertsPage = lazy(() => import('../pages/care/alerts-page').then((m) => ({ default: m.CareAlertsPage })));
const CalendarPage = lazy(() => import('../pages/care/calendar-page').then((m) => ({ default: m.CalendarPage })));
const CampaignPage = lazy(() => import('../pages/care/campaign-page').then((m) => ({ default: m.CampaignPage })));
const CareSettingsPage = lazy(() => import('../pages/care/settings-page').then((m) => ({ default: m.CareSettingsPage })));
const SurveysListPage = lazy(() => import('../pages/surveys/surveys-list-page').then((m) => ({ default: m.SurveysListPage })));
const SurveyBuilderPage = lazy(() => import('../pages/surveys/survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const SurveyPage = lazy(() => import('../pages/surveys/survey-page').then((m) => ({ default: m.SurveyPage })));
const SurveyFillPage = lazy(() => import('../pages/surveys/survey-fill-page').then((m) => ({ default: m.SurveyFillPage })));
const NeedsPage = lazy(() => import('../pages/needs/needs-page').then((m) => ({ default: m.NeedsPage })));
const NotFoundPage = lazy(() => import('../pages/not-found/not-found-page').then((m) => ({ default: m.NotFoundPage })));

export interface SignInLocationState {
  from?: string;
}

function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'signedOut') {
    // After an expired session the user comes back to where they were; after signing out, home.
    if (!state.expired) return <Navigate to="/sign-in" replace />;
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in?expired=1" replace state={{ from } satisfies SignInLocationState} />;
  }
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <AppLayout>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AppLayout>
    </Suspense>
  );
}

function SignInRoute() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'signedIn') {
    const from: unknown = location.state && typeof location.state === 'object' ? Reflect.get(location.state, 'from') : undefined;
    const target = typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';
    return <Navigate to={target} replace />;
  }
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <SignInPage />
    </Suspense>
  );
}

/** Areas a role may not use look like pages that do not exist. */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== 'signedIn' || !hasPermission(state.user, permission)) return <NotFoundPage />;
  return children;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'places',
        element: (
          <RequirePermission permission="orgs:read">
            <PlacesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'people',
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="people:read">
                <PeopleListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'new',
            element: (
              <RequirePermission permission="people:write">
                <PersonCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: 'import',
            element: (
              <RequirePermission permission="people:import">
                <PeopleImportPage />
              </RequirePermission>
            ),
          },
          {
            path: ':id',
            element: (
              <RequirePermission permission="people:read">
                <PersonPage />
              </RequirePermission>
            ),
          },
          {
            path: ':id/edit',
            element: (
              <RequirePermission permission="people:write">
                <PersonEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'services',
        children: [
          { index: true, element: <RequirePermission permission="services:read"><ServicesListPage /></RequirePermission> },
          { path: 'new', element: <RequirePermission permission="services:write"><ServiceFormPage /></RequirePermission> },
          { path: 'findings', element: <RequirePermission permission="services:read"><FindingsPage /></RequirePermission> },
          { path: ':id', element: <RequirePermission permission="services:read"><ServicePage /></RequirePermission> },
        ],
      },
      {
        path: 'cases',
        children: [
          { index: true, element: <RequirePermission permission="cases:read"><CasesListPage /></RequirePermission> },
          { path: ':id', element: <RequirePermission permission="cases:read"><CasePage /></RequirePermission> },
          { path: ':id/print/:document', element: <RequirePermission permission="cases:read"><CasePrintPage /></RequirePermission> },
        ],
      },
      {
        path: 'tasks',
        children: [
          { index: true, element: <RequirePermission permission="care:read"><TasksPage /></RequirePermission> },
          { path: ':id', element: <RequirePermission permission="care:read"><TaskPage /></RequirePermission> },
        ],
      },
      {
        path: 'care',
        children: [
          { index: true, element: <RequirePermission permission="care:read"><CalendarPage /></RequirePermission> },
          { path: 'alerts', element: <RequirePermission permission="care:manage"><CareAlertsPage /></RequirePermission> },
          { path: 'campaigns/:id', element: <RequirePermission permission="care:read"><CampaignPage /></RequirePermission> },
          { path: 'settings', element: <RequirePermission permission="care:manage"><CareSettingsPage /></RequirePermission> },
        ],
      },
      {
        path: 'surveys',
        children: [
          { index: true, element: <RequirePermission permission="surveys:read"><SurveysListPage /></RequirePermission> },
          { path: 'new', element: <RequirePermission permission="surveys:write"><SurveyBuilderPage /></RequirePermission> },
          { path: ':id', element: <RequirePermission permission="surveys:read"><SurveyPage /></RequirePermission> },
          { path: ':id/edit', element: <RequirePermission permission="surveys:write"><SurveyBuilderPage /></RequirePermission> },
          { path: ':id/fill', element: <RequirePermission permission="surveys:respond"><SurveyFillPage /></RequirePermission> },
        ],
      },
      { path: 'needs', element: <RequirePermission permission="surveys:analyse"><NeedsPage /></RequirePermission> },
      {
        path: 'users',
        element: (
          <RequirePermission permission="users:read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
