import { Initial1795472711773 } from './1795472711773-Initial';

/** Every migration, oldest first. Listed explicitly so builds and tests need no file globbing. */
export const MIGRATIONS = [Initial1795472711773];
