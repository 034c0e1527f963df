import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '../auth/RequireSignIn';
import { SignInCallback } from '../auth/SignInCallback';
import { Shell } from '../layout/Shell';
import { LandingPage } from '../pages/landing/LandingPage';
import { NotFoundPage } from '../pages/NotFoundPage';

/** Pages are loaded when first opened, so the first screen downloads only the shell. */
const page = <M,>(load: () => Promise<M>, pick: (module: M) => React.ComponentType) => ({
  lazy: async () => ({ Component: pick(await load()) }),
});

/** Paths in Indonesian, as the people who use them speak; each role's menu is in layout/Shell. */
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/masuk/selesai', element: <SignInCallback /> },
      // Public: the published winners, linkable from a press release, signed in or not.
      {
        path: '/hasil',
        ...page(
          () => import('../pages/results/ResultsPage'),
          (m) => m.ResultsPage,
        ),
      },
      {
        path: '/hasil/:edition',
        ...page(
          () => import('../pages/results/ResultsPage'),
          (m) => m.ResultsPage,
        ),
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            path: '/beranda',
            ...page(
              () => import('../pages/home/HomePage'),
              (m) => m.HomePage,
            ),
          },
          {
            path: '/nominasi',
            ...page(
              () => import('../pages/nominations/NominationsPage'),
              (m) => m.NominationsPage,
            ),
          },
          {
            path: '/nominasi/baru',
            ...page(
              () => import('../pages/nominations/NominationFormPage'),
              (m) => m.NominationFormPage,
            ),
          },
          {
            path: '/nominasi/:id',
            ...page(
              () => import('../pages/nominations/NominationPage'),
              (m) => m.NominationPage,
            ),
          },
          {
            path: '/papan',
            ...page(
              () => import('../pages/boards/BoardsPage'),
              (m) => m.BoardsPage,
            ),
          },
          {
            path: '/papan/:boardId',
            ...page(
              () => import('../pages/boards/BoardPage'),
              (m) => m.BoardPage,
            ),
          },
          {
            path: '/impor',
            ...page(
              () => import('../pages/import/ImportPage'),
              (m) => m.ImportPage,
            ),
          },
          {
            path: '/nominasi/:id/ubah',
            ...page(
              () => import('../pages/nominations/NominationFormPage'),
              (m) => m.NominationFormPage,
            ),
          },
          {
            path: '/edisi',
            ...page(
              () => import('../pages/secretariat/EditionsPage'),
              (m) => m.EditionsPage,
            ),
          },
          {
            path: '/edisi/baru',
            ...page(
              () => import('../pages/secretariat/NewEditionPage'),
              (m) => m.NewEditionPage,
            ),
          },
          {
            path: '/edisi/:code',
            ...page(
              () => import('../pages/secretariat/EditionPage'),
              (m) => m.EditionPage,
            ),
          },
          {
            path: '/semua-papan',
            ...page(
              () => import('../pages/secretariat/BoardsPage'),
              (m) => m.BoardsPage,
            ),
          },
          {
            path: '/email',
            ...page(
              () => import('../pages/secretariat/DeliveriesPage'),
              (m) => m.DeliveriesPage,
            ),
          },
          {
            path: '/audit',
            ...page(
              () => import('../pages/secretariat/AuditPage'),
              (m) => m.AuditPage,
            ),
          },
          {
            path: '/penilaian',
            ...page(
              () => import('../pages/assessments/QueuePage'),
              (m) => m.QueuePage,
            ),
          },
          {
            path: '/penilaian/riwayat',
            ...page(
              () => import('../pages/assessments/HistoryPage'),
              (m) => m.HistoryPage,
            ),
          },
          {
            path: '/penilaian/:nominationId',
            ...page(
              () => import('../pages/assessments/ScoringPage'),
              (m) => m.ScoringPage,
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
