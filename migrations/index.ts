import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const MIGRATIONS = [Foundation1764000000000];
