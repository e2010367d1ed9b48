// All schema migrations in order; the last one's version is the schema version this code knows.
import { migration001 } from './001-foundation';
import { migration002 } from './002-rota';
import { migration003 } from './003-competence';
import { migration004 } from './004-routines';
import { migration005 } from './005-consultations';
import { migration006 } from './006-sync';
import { migration007 } from './007-row-versions';
import { migration008 } from './008-drop-unused-consultation-indexes';
import { migration009 } from './009-row-version-column-sets';
import { migration010 } from './010-signed-changes';
import { migration011 } from './011-supervision-and-confirmations';
import { migration012 } from './012-prescription-requests';
import { migration013 } from './013-log-reviews';
import { migration014 } from './014-consultation-day-counts';
import { migration015 } from './015-consultation-facts';
import { migration016 } from './016-requests';
import { migration017 } from './017-published-weeks';
import { migration018 } from './018-narrow-consultation-index';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
