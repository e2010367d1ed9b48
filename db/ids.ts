// Row ids: UUIDv7, generated on the device so rows created offline never collide.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
