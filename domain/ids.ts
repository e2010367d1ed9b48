// Schema for the UUIDv7 ids that devices generate for every row.
import { z } from 'zod';

export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'invalidFormat');
export type Id = string;
