import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

// Its own module: date-fns's `format` brings its locale tables, which the CLI's start-up does not need.
/** "March 1, 2026", as the post titles write dates. */
export function longDate(date: string): string {
  return format(parseISO(date), 'MMMM d, yyyy');
}
