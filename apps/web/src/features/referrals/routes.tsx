import type { AnyRoute } from '@tanstack/react-router';
export const officerRoutes = (_parent: AnyRoute) => [] as const;
