import type { AnyRoute } from '@tanstack/react-router';
export const providerRoutes = (_parent: AnyRoute) => [] as const;
