import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthorisedHandler } from './api/client';
import { queryClient } from './api/query-client';
import { router } from './router';
import './styles/app.scss';

// GOV.UK Frontend's CSS keys some styles on this class, which its JavaScript would normally add.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// A 401 means the token is gone: forget every cached answer (they may hold a child's details).
setUnauthorisedHandler(() => queryClient.clear());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
