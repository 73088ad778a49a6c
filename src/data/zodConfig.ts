/**
 * zod 4 compiles object parsers with `new Function` unless told not to. The production build
 * ships a Content-Security-Policy without 'unsafe-eval', under which even zod's guarded probe is
 * reported as a violation; the interpreted parser is fast enough for this dataset. Imported for
 * its effect by every module that parses with zod (validation.ts, the deck codec) before it parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
